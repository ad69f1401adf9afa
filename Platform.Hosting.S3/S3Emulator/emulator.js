'use strict';
// The local S3 emulator: @20minutes/s3rver, a maintained fork of s3rver that verifies SigV4 signatures, in the
// Authorization header and in presigned URLs (their expiry too). s3rver 3.7.1 accepts any SigV4 signature, so a
// presigned PUT would take any size and type; here a PUT whose Content-Length or Content-Type differs from what was
// signed is refused, as S3 refuses it. One difference from S3 is removed below: s3rver serves an unsigned request, where
// a private bucket refuses it. Unsigned requests on the service and on a bucket stay allowed (the AppHost creates the
// bucket, sets its CORS rules and checks its health with them); CORS preflights carry no signature by design.
// Usage: node emulator.js --directory <path> --address <ip> --port <n>
const { parseArgs } = require('node:util');

// The fork builds SigV4's canonical query string with encodeURIComponent, which leaves ! ' ( ) * as they are where SigV4
// (the SDKs, S3) encodes them: a presigned GET whose response-content-disposition says filename*=UTF-8''… would fail its
// signature here and not on S3. Encoding them too is still valid percent-encoding for every other use in this process.
const encodeLoosely = globalThis.encodeURIComponent;
globalThis.encodeURIComponent = (value) =>
  encodeLoosely(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const S3rver = require('@20minutes/s3rver');
const S3Error = require('@20minutes/s3rver/lib/models/error');

const { values } = parseArgs({
  options: { directory: { type: 'string' }, address: { type: 'string' }, port: { type: 'string' } },
});

function isSigned(ctx) {
  return 'authorization' in ctx.headers || 'X-Amz-Signature' in ctx.query || 'Signature' in ctx.query;
}

// Path-style addressing: /<bucket>/<key...>. A key is what an object request has and a bucket request has not.
function namesObject(ctx) {
  return ctx.path.split('/').filter(Boolean).length > 1;
}

const server = new S3rver({
  directory: values.directory,
  address: values.address,
  port: Number(values.port),
  vhostBuckets: false,
  silent: true,
});
// First in line, before the object is looked up: an unsigned request learns nothing about it.
server.middleware.unshift(async function refuseUnsignedObjectRequests(ctx, next) {
  if (ctx.method !== 'OPTIONS' && namesObject(ctx) && !isSigned(ctx)) {
    throw new S3Error('AccessDenied', 'Access Denied');
  }
  return next();
});
server.run().then(({ address, port }) => console.log(`S3 emulator listening on ${address}:${port}`));
