export function retrainBrandBySlug({ slug }: { slug: string }): { examples: number; trainedAt: Date } {
  throw new Error(`todo ${slug}`);
}
