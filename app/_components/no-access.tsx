// Kept as the import path pages use; the text follows the interface language of the provider.
export { NoAccess } from "./no-access.client";
