import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A person the test identity provider signs in, with the claims Homeward reads. */
export interface ProviderPerson {
  name: string;
  roles: string[];
  organisation?: string;
  localAuthorities?: string[];
}

export interface IdentityProviderSetup {
  clientId: string;
  /** The console's origin: its /signed-in is the redirect URI, its / where sign-out returns. */
  consoleOrigin: string;
  audience: string;
  people: Record<string, ProviderPerson>;
}

/** node-oidc-provider in a child process (support/identity-provider.mjs), until `stop`. */
export class TestIdentityProvider {
  private constructor(
    readonly issuer: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(setup: IdentityProviderSetup): Promise<TestIdentityProvider> {
    const child = spawn(process.execPath, [join(__dirname, 'identity-provider.mjs')], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        IDP_CONFIG: JSON.stringify({
          clientId: setup.clientId,
          redirectUri: `${setup.consoleOrigin}/signed-in`,
          postLogoutRedirectUri: `${setup.consoleOrigin}/`,
          audience: setup.audience,
          people: setup.people,
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const [word, url] = line.split(' ');
        if (word === 'listening' && url) resolve(url);
      });
      child.once('exit', (code) =>
        reject(new Error(`the identity provider exited (${code}): ${errors}`)),
      );
    });
    return new TestIdentityProvider(issuer, child);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
