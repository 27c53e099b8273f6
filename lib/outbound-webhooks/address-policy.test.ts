import { describe, expect, it } from 'vitest';
import { classifyAddress, refusal } from './address-policy';
import { endpointUrlProblem } from './endpoint-url';

const live = { mode: 'live' as const, allowPrivate: true };
const testAllowed = { mode: 'test' as const, allowPrivate: true };
const testStrict = { mode: 'test' as const, allowPrivate: false };

describe('address classes', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'],
    ['127.8.9.10', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:7f00:1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'private'],
    ['2002:7f00:1::', 'private'],
    ['169.254.169.254', 'forbidden'],
    ['169.254.0.1', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['fe80::1', 'forbidden'],
    ['febf::1', 'forbidden'],
    ['fd00:ec2::254', 'forbidden'],
    ['100.100.100.200', 'forbidden'],
    ['192.0.0.192', 'forbidden'],
    ['::7f00:1', 'private'],
    ['::ffff:0:7f00:1', 'private'],
    ['0.0.0.0', 'forbidden'],
    ['::', 'forbidden'],
    ['224.0.0.1', 'forbidden'],
    ['not-an-ip', 'forbidden'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('private addresses only for test endpoints where the deployment allows them; link-local never', () => {
    expect(refusal('127.0.0.1', live)).toMatch(/live endpoints must be public/);
    expect(refusal('127.0.0.1', testStrict)).toMatch(/ALLOW_PRIVATE_WEBHOOK_URLS/);
    expect(refusal('127.0.0.1', testAllowed)).toBeNull();
    expect(refusal('169.254.169.254', testAllowed)).toMatch(/link-local, metadata/);
    expect(refusal('fe80::1', testAllowed)).toMatch(/link-local/);
    expect(refusal('93.184.216.34', live)).toBeNull();
  });
});

describe('endpoint URLs when saved', () => {
  it.each([
    ['https://shop.example.com/webhooks/kspay', live, null],
    ['http://shop.example.com/hook', live, /must use https/],
    ['http://shop.example.com/hook', testStrict, null],
    ['ftp://shop.example.com/hook', testAllowed, /must start with https/],
    ['shop.example.com/hook', testAllowed, /full URL/],
    ['https://user:pass@shop.example.com/hook', live, /user name or password/],
    ['https://localhost/hook', live, /private or loopback/],
    ['https://app.localhost/hook', live, /private or loopback/],
    ['https://localhost./hook', live, /private or loopback/],
    ['https://LOCALHOST/hook', live, /private or loopback/],
    ['http://localhost:4000/hook', testAllowed, null],
    ['http://localhost:4000/hook', testStrict, /ALLOW_PRIVATE/],
    ['https://127.0.0.1/hook', live, /private or loopback/],
    ['https://[::1]/hook', live, /private or loopback/],
    ['https://[::ffff:127.0.0.1]/hook', live, /private or loopback/],
    ['https://10.0.0.8/hook', live, /private/],
    ['http://169.254.169.254/latest/meta-data', testAllowed, /link-local, metadata/],
    ['http://[fe80::1]/hook', testAllowed, /link-local/],
    ['https://0x7f000001/hook', live, /private or loopback/],
    ['https://2130706433/hook', live, /private or loopback/],
    ['https://intranet/hook', live, /full host name/],
    [`https://example.com/${'a'.repeat(2100)}`, live, /at most 2048/],
  ])('%s', (url, policy, problem) => {
    const answer = endpointUrlProblem(url, policy);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toMatch(problem);
  });
});
