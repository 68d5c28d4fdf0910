/**
 * components/dom.ts: the spec string gives the tag, id, classes and fixed attributes; dynamic
 * values (page data) only ever go in as attribute values and text, never parsed.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dom } from '../../components/dom';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('dom helper', () => {
  it('reads tag, id, classes and fixed attributes from the spec', () => {
    const h = dom(doc());
    const e = h('p#jn-post.rule.post-note[data-post-note][aria-label=Jaga Netral]', 'x');
    expect(e.tagName.toLowerCase()).toBe('p');
    expect(e.id).toBe('jn-post');
    expect(e.getAttribute('class')).toBe('rule post-note');
    expect(e.getAttribute('data-post-note')).toBe('');
    expect(e.getAttribute('aria-label')).toBe('Jaga Netral');
    expect(e.textContent).toBe('x');
    const plain = h('div');
    expect(plain.attributes.length).toBe(0);
  });

  it('takes page data as attribute values and text only; skips false, null, undefined', () => {
    const h = dom(doc());
    const label = '<img src=x onerror=alert(1)>[a=b].c#d';
    const e = h('li', { 'data-ticket': label, on: true, off: false, none: undefined }, label, false, null, undefined);
    expect(e.getAttribute('data-ticket')).toBe(label);
    expect(e.getAttribute('on')).toBe('');
    expect(e.hasAttribute('off') || e.hasAttribute('none')).toBe(false);
    expect(e.textContent).toBe(label);
    expect(e.children.length).toBe(0);
    const child = h('span');
    expect(h('div', child, 'a', 'b').childNodes.length).toBe(3);
  });

  it('binds a function-valued attribute as a listener, not as an attribute', () => {
    const d = doc();
    const h = dom(d);
    const seen: string[] = [];
    const b = h('button', { click: (e: Event) => seen.push(e.type) });
    expect(b.hasAttribute('click')).toBe(false);
    const Ev = (d as unknown as { defaultView: { Event: typeof Event } }).defaultView.Event;
    b.dispatchEvent(new Ev('click'));
    expect(seen).toEqual(['click']);
  });
});
