// Shared test data and a ZIP reader written from the format spec, independent of manifest/zip.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { manifestDir } from '../../manifest/build-package.mjs';

export { manifestDir };

export const readJson = (name) => JSON.parse(readFileSync(join(manifestDir, name), 'utf8'));

/** The 12 main commands, as the bot understands them in English. */
export const mainCommands = ['help', 'new', 'find', 'org', 'referrals', 'pitch', 'outcome', 'remind', 'status', 'pipeline', 'brief', 'export'];

/** Ids as the package build receives them; override any field. */
export function sampleIds(overrides = {}) {
  return {
    TEAMS_APP_ID: '3f2b8c1e-6a4d-4e9f-8b7a-1c2d3e4f5a6b',
    BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    ...overrides,
  };
}

/** Reads every entry of a ZIP through its central directory, checking each CRC. */
export function readZip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    if (buffer.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    entries.push({ name, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
