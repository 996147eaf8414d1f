/**
 * The local development signing key. It is public (it is in the repository), so tokens signed
 * with it prove nothing: production refuses to start without AUTH_JWT_SECRET.
 * scripts/token.js signs with this same key.
 */
export const DEVELOPMENT_JWT_SECRET = 'homeward-local-development-key-not-for-production-use';
