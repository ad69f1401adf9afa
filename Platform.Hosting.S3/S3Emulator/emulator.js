'use strict';
// The local S3 emulator: @20minutes/s3rver, which verifies SigV4 signatures (headers and presigned URLs, so a
// presigned PUT holds to the size and type it was signed for), run as a private bucket is: S3 refuses a request that
// carries no signature, where s3rver would serve it. CORS preflights carry none by design, and are answered from the
// bucket's CORS rules. Usage: node emulator.js --directory <path> --address <ip> --port <n>
const { parseArgs } = require('node:util');
const S3rver = require('@20minutes/s3rver');
const S3Error = require('@20minutes/s3rver/lib/models/error');

const { values } = parseArgs({
  options: { directory: { type: 'string' }, address: { type: 'string' }, port: { type: 'string' } },
});

function isSigned(ctx) {
  return 'authorization' in ctx.headers || 'X-Amz-Signature' in ctx.query || 'Signature' in ctx.query;
}

const server = new S3rver({
  directory: values.directory,
  address: values.address,
  port: Number(values.port),
  vhostBuckets: false,
});
// First in line, before the bucket or object is looked up: an unsigned request learns nothing.
server.middleware.unshift(async function refuseUnsigned(ctx, next) {
  if (ctx.method !== 'OPTIONS' && !isSigned(ctx)) {
    throw new S3Error('AccessDenied', 'Access Denied');
  }
  return next();
});
server.run().then(({ address, port }) => console.log(`S3 emulator listening on ${address}:${port}`));
