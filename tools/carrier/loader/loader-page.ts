// The loader page a package ships (loader/index.html): the template with boot-choice.js inlined (its
// `export`s dropped: old engines run it as a plain script) and the contract's storage key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BOOT_STATE_KEY } from '@ketang/contract';

const HERE = import.meta.dirname;

export async function renderLoaderPage(): Promise<string> {
  const [template, choice] = await Promise.all([
    readFile(path.join(HERE, 'loader.html'), 'utf8'),
    readFile(path.join(HERE, 'boot-choice.js'), 'utf8'),
  ]);
  return template
    .replace('/* BOOT_CHOICE */', choice.replace(/^export /gm, ''))
    .replace('/* BOOT_STATE_KEY */', BOOT_STATE_KEY);
}
