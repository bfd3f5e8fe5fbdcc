/** Kept in step with package.json by a test; a constant so the bundle needs no file reads. */
export const VERSION = "0.1.0";
