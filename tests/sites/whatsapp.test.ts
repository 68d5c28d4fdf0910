/**
 * WhatsApp Web forwarding rules on the hand-written fixtures (linkedom). The forward is recognised
 * at the forward dialog's Send button, away from the message: the message comes from the opener
 * (its context-menu button), the conversation from the messages' data-id JID.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findControl, resolveAction } from '../../lib/sites/engine';
import { jidFromDataId, whatsapp, whatsappRules } from '../../lib/sites/whatsapp';

const DIR = resolve(import.meta.dirname, '../fixtures/whatsapp');
const HREF = 'https://web.whatsapp.com/';
const FILES = ['index.html', 'index-id.html', 'channel.html', 'channel-id.html'];
const CHANNEL_JID = '120363000000000002@newsletter';

function load(file: string, html = readFileSync(resolve(DIR, file), 'utf8')) {
  const { document } = parseHTML(html);
  const at = (sel: string) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`fixture ${file} has no ${sel}`);
    return el;
  };
  const lang = document.documentElement.getAttribute('lang');
  /** Open the forward dialog the way app.js does and return its Send button's icon. */
  const forwardDialog = () => {
    at('#portal').innerHTML = `<div role="dialog"><div role="button" aria-label="${
      lang === 'id' ? 'Kirim' : 'Send'
    }"><span data-icon="send">➤</span></div></div>`;
    return at('#portal [data-icon="send"]');
  };
  return { document, at, forwardDialog };
}

describe.each(['index.html', 'index-id.html'])('WhatsApp group chat %s', (file) => {
  const f = load(file);

  it('the context-menu button only opens a menu; it is remembered as the opener', () => {
    const found = findControl(whatsapp, f.at('[data-msg="w1"] [data-icon="down-context"]'));
    expect(found?.rule.opensMenu).toBe(true);
  });

  it('Send in the forward dialog is a share of the message that opened the menu', () => {
    const send = f.forwardDialog();
    const opener = f.at('[data-msg="w1"] [data-act="menu"]');
    const hit = resolveAction(whatsapp, send, { href: HREF }, f.document, opener);
    expect(hit?.kind).toBe('share');
    expect(hit?.item.scope).toBe('post');
    expect(hit?.item.text).toMatch(/#PrabowoGibran2024/);
    expect(hit?.page).toEqual({ platform: 'whatsapp', id: '120363025551234567@g.us' });
    // The Send button itself (keyboard focus) is recognised too.
    expect(resolveAction(whatsapp, f.at('#portal [role="button"]'), { href: HREF }, f.document, opener)?.kind).toBe(
      'share',
    );
    const neutral = resolveAction(
      whatsapp,
      send,
      { href: HREF },
      f.document,
      f.at('[data-msg="w2"] [data-act="menu"]'),
    );
    expect(neutral?.item.text).toMatch(/^Aamiin/);
    // No opener (the dialog came another way): nothing to judge, the forward passes.
    expect(resolveAction(whatsapp, send, { href: HREF }, f.document, null)).toBeNull();
  });

  it("the chat's own Send button and message text are not actions", () => {
    expect(resolveAction(whatsapp, f.at('footer [data-icon="send"]'), { href: HREF }, f.document)).toBeNull();
    expect(resolveAction(whatsapp, f.at('[data-msg="w1"] .copyable-text span'), { href: HREF }, f.document)).toBeNull();
  });
});

describe.each(['channel.html', 'channel-id.html'])('WhatsApp channel %s', (file) => {
  const f = load(file);

  it('the open channel is the page account (JID, and the header link when present)', () => {
    const page = whatsapp.pageAccount(HREF, f.document);
    expect(page).toMatchObject({ platform: 'whatsapp', id: CHANNEL_JID });
    if (file === 'channel.html') expect(page?.url).toBe('https://whatsapp.com/channel/0029VaKandidatDuaTest');
  });

  it('forwarding a channel message carries the channel as page', () => {
    const send = f.forwardDialog();
    const hit = resolveAction(whatsapp, send, { href: HREF }, f.document, f.at('[data-msg="k1"] [data-act="menu"]'));
    expect(hit).toMatchObject({ kind: 'share', page: { id: CHANNEL_JID } });
  });

  // The Follow/Ikuti label is confidence U: this checks the mechanism, not the live label.
  it('Follow in the channel header is about the channel', () => {
    const hit = resolveAction(whatsapp, f.at('header [data-act="follow"]'), { href: HREF }, f.document);
    expect(hit).toMatchObject({ kind: 'follow', item: { scope: 'page', author: { id: CHANNEL_JID } } });
  });
});

describe('WhatsApp identity', () => {
  it('reads JIDs from data-id and accounts from links', () => {
    expect(jidFromDataId('false_6281234567890@c.us_3EB0ABC')).toBe('6281234567890@c.us');
    expect(jidFromDataId('false_120363025551234567@g.us_3EB0A1_628111111111@c.us')).toBe('120363025551234567@g.us');
    expect(jidFromDataId('true_123@lid_X')).toBe('123@lid');
    expect(jidFromDataId('garbage')).toBeNull();
    expect(jidFromDataId(null)).toBeNull();
    const a = (h: string) => whatsapp.accountFromHref(h, HREF);
    expect(a('https://www.whatsapp.com/channel/0029VaKandidatDuaTest/')).toEqual({
      platform: 'whatsapp',
      url: 'https://whatsapp.com/channel/0029VaKandidatDuaTest',
    });
    expect(a('https://wa.me/6281234567890')).toEqual({ platform: 'whatsapp', id: '6281234567890@c.us' });
    expect(a('https://example.com/channel/0029VaKandidatDuaTest')).toBeNull();
    expect(a('::')).toBeNull();
    expect(whatsapp.pageAccount(HREF, parseHTML('<html><body></body></html>').document)).toBeNull();
  });
});

describe('WhatsApp resilience and selectors as data', () => {
  it('renamed hooks degrade to null without throwing', () => {
    const html = readFileSync(resolve(DIR, 'index.html'), 'utf8')
      .replaceAll('data-id=', 'data-renamed=')
      .replaceAll('data-icon=', 'data-renamed-icon=')
      .replaceAll('aria-label=', 'data-renamed-label=');
    const f = load('index.html', html);
    f.at('#portal').innerHTML = '<div role="dialog"><div role="button"><span>➤</span></div></div>';
    const opener = f.at('[data-msg="w1"] [data-act="menu"]');
    for (const el of Array.from(f.document.querySelectorAll('[data-act], [data-act] *, #portal *'))) {
      expect(() => resolveAction(whatsapp, el, { href: HREF }, f.document, opener)).not.toThrow();
      expect(resolveAction(whatsapp, el, { href: HREF }, f.document, opener)).toBeNull();
    }
  });

  const docs = FILES.map((file) => {
    const f = load(file);
    f.forwardDialog();
    return f.document;
  });
  const all = [
    ...whatsappRules.actions.flatMap((r) => r.selectors),
    ...whatsappRules.containers.flatMap((c) => [...c.selectors, ...c.author, ...c.text, ...(c.alt ?? [])]),
  ];
  it.each(all)('parses: %s', (sel) => {
    for (const d of docs) expect(() => d.querySelector(sel)).not.toThrow();
  });
  const firsts = [
    ...whatsappRules.actions.map((r) => r.selectors[0] as string),
    ...whatsappRules.containers.map((c) => c.selectors[0] as string),
  ];
  it.each(firsts)('first selector is used by a fixture: %s', (sel) => {
    expect(docs.reduce((n, d) => n + d.querySelectorAll(sel).length, 0)).toBeGreaterThan(0);
  });
});
