import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The loader every allowed site embeds (public/widget.js): small, and only a loader — the chat
// itself (/widget, its React and tRPC) is fetched when the launcher is pressed.
const file = path.resolve(import.meta.dirname, '..', '..', 'public', 'widget.js');
const source = fs.readFileSync(file, 'utf8');

describe('the widget loader', () => {
  it('is at most 30 KB gzipped', () => {
    expect(gzipSync(source, { level: 9 }).byteLength).toBeLessThanOrEqual(30 * 1024);
  });

  it('is one plain script that parses on its own, with no imports', () => {
    expect(() => new vm.Script(source, { filename: 'widget.js' })).not.toThrow();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/require\s*\(/);
  });

  it('does not pull the chat: no app bundle, no tRPC, the frame only on opening', () => {
    expect(source).not.toContain('/_next/');
    expect(source).not.toMatch(/trpc/i);
    // The one iframe is made inside openChat(), not when the script runs.
    const openChat = source.slice(source.indexOf('function openChat'), source.indexOf('function closeChat'));
    expect(openChat).toContain("createElement('iframe')");
    expect(source.match(/createElement\('iframe'\)/g)).toHaveLength(1);
  });

  it('listens only to its own frame and posts only to the app’s origin', () => {
    expect(source).toContain('event.origin !== APP');
    expect(source).toContain('event.source !== frame.contentWindow');
    expect(source).toMatch(/postMessage\(message, APP\)/);
    expect(source).not.toMatch(/postMessage\([^)]*'\*'\)/);
  });
});
