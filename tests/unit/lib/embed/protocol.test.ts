import { describe, expect, it } from 'vitest';
import {
  heightMessages,
  iframeResizerInitId,
  iframeResizerMessage,
  isHeightRequest,
  pymMessage,
  readEmbedContext,
  toReportedHeight,
  wordpressLinkMessage,
} from '../../../../src/lib/embed/protocol';

describe('readEmbedContext', () => {
  it('reads pym.js parameters (as pym.Parent appends them) and WordPress’s secret', () => {
    const ctx = readEmbedContext('?initialWidth=600&childId=pym-0&parentTitle=News&parentUrl=https%3A%2F%2Fnews.example%2F', '#?secret=Ab12cD34eF');
    expect(ctx).toEqual({ transparent: false, childId: 'pym-0', secret: 'Ab12cD34eF' });
  });
  it('reads ?theme= (light, dark or auto) and ?bg=transparent; no or an unknown theme is none (the light default)', () => {
    expect(readEmbedContext('?theme=dark&bg=transparent', '')).toEqual({ transparent: true, theme: 'dark' });
    expect(readEmbedContext('?theme=light', '').theme).toBe('light');
    expect(readEmbedContext('?theme=auto', '').theme).toBe('auto');
    expect(readEmbedContext('?theme=purple', '').theme).toBeUndefined();
    expect(readEmbedContext('', '').theme).toBeUndefined();
    expect(readEmbedContext('?bg=white', '').transparent).toBe(false);
  });
  it('ignores child ids and secrets that pym.js or WordPress would never send', () => {
    expect(readEmbedContext('?childId=a%20b', '').childId).toBeUndefined();
    expect(readEmbedContext(`?childId=${'x'.repeat(200)}`, '').childId).toBeUndefined();
    expect(readEmbedContext('', '#?secret=abc<script>').secret).toBeUndefined();
    expect(readEmbedContext('', '#?secret=').secret).toBeUndefined();
    expect(readEmbedContext('', '#section').secret).toBeUndefined();
  });
});

describe('heightMessages', () => {
  const href = 'https://example.org/embed/a/b/';
  it('always posts the Datawrapper, AMP and iframe.resize formats', () => {
    const [dw, amp, resize, ...rest] = heightMessages(742, { transparent: false }, 'a/b', href);
    expect(dw).toEqual({ 'datawrapper-height': { 'a/b': 742 } });
    expect(amp).toEqual({ sentinel: 'amp', type: 'embed-size', height: 742 });
    expect(typeof resize).toBe('string');
    expect(JSON.parse(resize as string)).toEqual({ src: href, context: 'iframe.resize', height: 742 });
    expect(rest).toEqual([]);
  });
  it('adds pym.js’s string when framed by pym.js, in the exact wire format pym 1.3.2 parses', () => {
    const messages = heightMessages(742, { transparent: false, childId: 'pym-0' }, 'a/b', href);
    expect(messages).toContain('pymxPYMxpym-0xPYMxheightxPYMx742');
    // pym.Parent's own regex for its id:
    const re = new RegExp('^pymxPYMxpym-0xPYMx(\\S+)xPYMx(.*)$');
    const m = re.exec(messages.find((x) => typeof x === 'string' && x.startsWith('pym')) as string);
    expect(m?.slice(1)).toEqual(['height', '742']);
  });
  it('adds WordPress’s message when framed by WordPress', () => {
    const messages = heightMessages(742, { transparent: false, secret: 'Ab12' }, 'a/b', href);
    expect(messages.at(-1)).toEqual({ secret: 'Ab12', message: 'height', value: 742 });
  });
});

describe('toReportedHeight', () => {
  it('rounds up to whole pixels and reports nothing for nonsense', () => {
    expect(toReportedHeight(741.2)).toBe(742);
    expect(toReportedHeight(742)).toBe(742);
    expect(toReportedHeight(0)).toBe(0);
    expect(toReportedHeight(Number.NaN)).toBe(0);
    expect(toReportedHeight(-3)).toBe(0);
  });
});

describe('isHeightRequest', () => {
  it('answers pym.js width messages for our child id and WordPress ready messages with our secret', () => {
    const ctx = { transparent: false, childId: 'pym-0', secret: 'Ab12' };
    expect(isHeightRequest(pymMessage('pym-0', 'width', 600), ctx)).toBe(true);
    expect(isHeightRequest({ message: 'ready', secret: 'Ab12' }, ctx)).toBe(true);
  });
  it('ignores everything else', () => {
    const ctx = { transparent: false, childId: 'pym-0', secret: 'Ab12' };
    expect(isHeightRequest(pymMessage('pym-1', 'width', 600), ctx)).toBe(false);
    expect(isHeightRequest(pymMessage('pym-0', 'navigateTo', 'javascript:alert(1)'), ctx)).toBe(false);
    expect(isHeightRequest({ message: 'ready', secret: 'other' }, ctx)).toBe(false);
    expect(isHeightRequest({ message: 'ready', secret: 'Ab12' }, { transparent: false })).toBe(false);
    expect(isHeightRequest(null, ctx)).toBe(false);
    expect(isHeightRequest(42, ctx)).toBe(false);
  });
});

describe('wordpressLinkMessage', () => {
  const ctx = { transparent: false, secret: 'Ab12' };
  it('asks WordPress to follow http(s) links', () => {
    expect(wordpressLinkMessage('https://example.org/a/#b', ctx)).toEqual({ secret: 'Ab12', message: 'link', value: 'https://example.org/a/#b' });
  });
  it('never carries other schemes, bad URLs, or anything outside WordPress', () => {
    expect(wordpressLinkMessage('javascript:alert(1)', ctx)).toBeNull();
    expect(wordpressLinkMessage('data:text/html,x', ctx)).toBeNull();
    expect(wordpressLinkMessage('not a url', ctx)).toBeNull();
    expect(wordpressLinkMessage('https://example.org/', { transparent: false })).toBeNull();
  });
});

describe('iframe-resizer v4', () => {
  // The init message a v4 parent (iframeResizer.js) posts: id, then its settings joined by ':'.
  const init = '[iFrameSizer]iFrameResizer0:8:false:false:32:true:true:null:bodyOffset:null:null:0:false:parent:scroll:scroll:false';
  it('reads the frame id from the parent’s init message', () => {
    expect(iframeResizerInitId(init)).toBe('iFrameResizer0');
    expect(iframeResizerInitId('[iFrameSizer]my-frame:0:true:false:32')).toBe('my-frame');
  });
  it('ignores everything that is not an init message', () => {
    expect(iframeResizerInitId('[iFrameSizer]resize')).toBeNull();
    expect(iframeResizerInitId('[iFrameSizer]x:1:2:init')).toBeNull();
    expect(iframeResizerInitId('[iFrameSizer]a b:8:false')).toBeNull();
    expect(iframeResizerInitId(`[iFrameSizer]${'x'.repeat(200)}:8:false`)).toBeNull();
    expect(iframeResizerInitId({ data: init })).toBeNull();
    expect(iframeResizerInitId(`x${init}`)).toBeNull();
  });
  it('answers in the format its parent reads, once introduced', () => {
    expect(iframeResizerMessage('iFrameResizer0', 742, 600, 'init')).toBe('[iFrameSizer]iFrameResizer0:742:600:init');
    const ctx = { transparent: false, resizerId: 'f1' };
    expect(heightMessages(500, ctx, 'u', 'https://e/', 320).at(-1)).toBe('[iFrameSizer]f1:500:320:resize');
    expect(heightMessages(500, { transparent: false }, 'u', 'https://e/').some((m) => typeof m === 'string' && m.startsWith('[iFrameSizer]'))).toBe(false);
    expect(isHeightRequest('[iFrameSizer]resize', ctx)).toBe(true);
    expect(isHeightRequest('[iFrameSizer]resize', { transparent: false })).toBe(false);
  });
});
