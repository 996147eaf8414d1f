import developmentKey from './development-key.json';

/**
 * The local development signing key. It is public (it is in the repository), so tokens signed
 * with it prove nothing: production refuses to start without AUTH_JWT_SECRET.
 * scripts/token.js reads the same JSON file.
 */
export const DEVELOPMENT_JWT_SECRET: string = developmentKey.secret;
