// Verifies Open Badges credentials with libraries that share no code with Stride: reads each file named on the
// command line and prints one JSON line per file, {"file", "verified", "errors"}. Contexts and did:key come from the
// security document loader's bundled copies: nothing is fetched.
import { readFile } from 'node:fs/promises';
import * as vc from '@digitalcredentials/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022CryptoSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { securityLoader } from '@digitalcredentials/security-document-loader';

const documentLoader = securityLoader({ fetchRemoteContexts: false }).build();
const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
// the status list is Stride's own and checked by Stride's tests; here only the proof and the credential's shape
const checkStatus = async () => ({ verified: true });

for (const file of process.argv.slice(2)) {
  let line;
  try {
    const credential = JSON.parse(await readFile(file, 'utf8'));
    const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
    const errors = [];
    if (result.error) {
      errors.push(String(result.error.message ?? result.error));
      for (const e of result.error.errors ?? []) errors.push(String(e.message ?? e));
    }
    for (const r of result.results ?? []) if (r.error) errors.push(String(r.error.message ?? r.error));
    line = { file, verified: result.verified === true, errors };
  } catch (e) {
    line = { file, verified: false, errors: [String(e.message ?? e)] };
  }
  console.log(JSON.stringify(line));
}
