/**
 * The view's script: one constant, allowed by the page's Content-Security-Policy
 * by its hash. It only reads the page's own attributes and writes classes and
 * `textContent` (never markup), so nothing in an article can become code.
 *
 *   - Every highlight names its groups: data-e (an entity), data-q (quotes, for a
 *     quote, its cue and a speaker word), data-s (the quotes a mention speaks),
 *     data-d (a date). Hovering or focusing a highlight, or an entry of the side
 *     panel, lights every member of its group (class "on"): a mention lights all
 *     mentions of its entity; a quote its parts, cue and speaker.
 *   - The description of the hovered or focused highlight (the data-tip of its
 *     panel entry, or its own for a cue or speaker word) is shown in #tip.
 *   - Escape clears. Links of the side panel move the focus to the highlight.
 */

export const VIEW_SCRIPT = `
(() => {
  'use strict';
  const doc = document;
  const tip = doc.getElementById('tip');
  const members = new Map();
  const join = (element, attribute, prefix) => {
    const value = element.getAttribute(attribute);
    if (value === null || value === '') return;
    for (const part of value.split(' ')) {
      const key = prefix + part;
      let list = members.get(key);
      if (!list) members.set(key, (list = []));
      list.push(element);
    }
  };
  for (const element of doc.querySelectorAll('[data-e],[data-q],[data-s],[data-d]')) {
    join(element, 'data-e', 'e');
    join(element, 'data-q', 'q');
    join(element, 'data-s', 'q');
    join(element, 'data-d', 'd');
  }
  const groupsOf = (element) => {
    const entity = element.getAttribute('data-e');
    if (entity !== null) return ['e' + entity];
    const quotes = element.getAttribute('data-q');
    if (quotes) return quotes.split(' ').map((quote) => 'q' + quote);
    const date = element.getAttribute('data-d');
    return date === null ? [] : ['d' + date];
  };
  // A highlight's description: its own, or its panel entry's (ent-N, quote-N, date-N).
  const PANEL = { e: 'ent-', q: 'quote-', d: 'date-' };
  const tipOf = (element) => {
    const own = element.getAttribute('data-tip');
    if (own !== null) return own;
    const group = groupsOf(element)[0];
    const entry = group ? doc.getElementById(PANEL[group[0]] + group.slice(1)) : null;
    return entry ? entry.getAttribute('data-tip') : null;
  };
  let lit = [];
  let hovered = null;
  let focused = null;
  const light = (element) => {
    for (const member of lit) member.classList.remove('on');
    lit = [];
    if (element) {
      for (const group of groupsOf(element)) {
        for (const member of members.get(group) || []) {
          member.classList.add('on');
          lit.push(member);
        }
      }
    }
    const text = element ? tipOf(element) : null;
    if (tip) {
      tip.textContent = text || '';
      tip.hidden = !text;
    }
  };
  const highlightOf = (node) => (node instanceof Element ? node.closest('[data-e],[data-q],[data-d]') : null);
  doc.addEventListener('mouseover', (event) => {
    hovered = highlightOf(event.target);
    light(hovered || focused);
  });
  doc.documentElement.addEventListener('mouseleave', () => {
    hovered = null;
    light(focused);
  });
  doc.addEventListener('focusin', (event) => {
    focused = highlightOf(event.target);
    light(focused || hovered);
  });
  doc.addEventListener('focusout', () => {
    focused = null;
    light(hovered);
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    hovered = null;
    focused = null;
    light(null);
  });
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    const destination = doc.getElementById(link.getAttribute('href').slice(1));
    if (!destination) return;
    event.preventDefault();
    destination.focus({ preventScroll: true });
    destination.scrollIntoView({ block: 'center' });
  });
})();
`;
