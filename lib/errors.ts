// One typed error for the whole app: "<kind>:<object>", mapped to an HTTP status and a safe message.
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable";

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly object: string;
  readonly fields?: { path: string; message: string }[];
  readonly retryAfterSeconds?: number;
  /** Whether the raiser worded the message; otherwise it is the kind's default. */
  readonly worded: boolean;
  /** A catalogue entry and its values, when the message names a value (lib/i18n/errors.ts). */
  readonly text?: { key: string; values: Record<string, string | number> };

  constructor(
    code: `${ErrorKind}:${string}`,
    message?: string,
    extra: { fields?: { path: string; message: string }[]; retryAfterSeconds?: number; text?: { key: string; values: Record<string, string | number> } } = {},
  ) {
    const [kind, object] = code.split(":") as [ErrorKind, string];
    super(message ?? defaultMessage(kind, object));
    this.kind = kind;
    this.object = object;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.text = extra.text;
    this.worded = message !== undefined;
  }

  get status(): number {
    return STATUS[this.kind];
  }

  get code(): string {
    return this.kind;
  }
}

function defaultMessage(kind: ErrorKind, object: string): string {
  const what = object.replace(/_/g, " ");
  switch (kind) {
    case "not_found":
      return `The ${what} was not found.`;
    case "forbidden":
      return `You do not have permission for this ${what}.`;
    case "unauthorized":
      return "Sign in first.";
    case "conflict":
      return `The ${what} already exists or changed meanwhile.`;
    case "rate_limited":
      return "Too many requests; try again later.";
    case "payload_too_large":
      return "The request body is too large.";
    case "unsupported_media_type":
      return "Send application/json.";
    default:
      return `Invalid ${what}.`;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
