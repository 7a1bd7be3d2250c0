import yauzl, { type Entry, type ZipFile } from 'yauzl';

export type ZipBounds = { maxUnzippedBytes: number; maxEntries: number };

/** Why a zip was refused, in words for the error message. */
export class ZipRefusedError extends Error {}

const openZip = (bytes: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(new ZipRefusedError(`not a zip archive: ${error.message}`)) : resolve(zip),
    ),
  );

/** Inflates one entry, counting bytes, and stops as soon as the running total passes the bound. */
function inflateCounting(zip: ZipFile, entry: Entry, counted: { bytes: number }, bound: number) {
  return new Promise<void>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error)
        return reject(new ZipRefusedError(`a broken zip entry (${entry.fileName}): ${error.message}`));
      stream.on('data', (chunk: Buffer) => {
        counted.bytes += chunk.length;
        if (counted.bytes > bound) {
          stream.destroy();
          reject(new ZipRefusedError(`it inflates to more than ${bound / (1024 * 1024)} MB`));
        }
      });
      stream.on('error', (streamError) => reject(new ZipRefusedError(streamError.message)));
      stream.on('end', resolve);
    });
  });
}

/**
 * Refuses a zip bomb before a spreadsheet library inflates the whole archive in memory: the entries are
 * counted, and each is inflated as a stream (sizes checked against the headers) while the total stays in
 * bounds. The declared sizes alone are not trusted: a crafted archive can lie in them.
 */
export async function checkZipBounds(bytes: Buffer, bounds: ZipBounds): Promise<void> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > bounds.maxEntries) {
      throw new ZipRefusedError(`it holds ${zip.entryCount} files, more than ${bounds.maxEntries}`);
    }
    const counted = { bytes: 0 };
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (counted.bytes + entry.uncompressedSize > bounds.maxUnzippedBytes) {
          return reject(
            new ZipRefusedError(`it inflates to more than ${bounds.maxUnzippedBytes / (1024 * 1024)} MB`),
          );
        }
        inflateCounting(zip, entry, counted, bounds.maxUnzippedBytes).then(() => zip.readEntry(), reject);
      });
      zip.on('end', resolve);
      zip.on('error', (error: Error) => reject(new ZipRefusedError(error.message)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
