import { Parser } from 'htmlparser2';
import { FORM_CAPS as CAP, type ExtractedForms, type FormLink, type ParsedForm } from './form-model';
import { FormBuilder, RowBuilder, TextSink, type LabelBuilder } from './form-builders';

export type { ExtractedForms, FormLink, FormOption, HiddenInput, ParsedField, ParsedForm } from './form-model';

type Attrs = Record<string, string>;

/** Labels nested deeper are not tracked: every open label gets each text node, so nesting must not multiply the work. */
const MAX_OPEN_LABELS = 4;

function resolve(raw: string, base: string): string | null {
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

const classes = (attrs: Attrs) => (attrs.class ?? '').split(/\s+/).filter(Boolean);

/** The attribute value, or null when the attribute is absent (a present but empty attribute gives ''). */
const attr = (attrs: Attrs, name: string): string | null => (Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name]! : null);

/**
 * Lists the forms of an HTML document with a real tokenizer (htmlparser2); nothing is executed. Mautic forms
 * come with their fields as Mautic renders them (2.x–5.x: rows `mauticform-row mauticform-<type>`, inputs
 * `mauticform[<alias>]`, labels, the hidden default of a checkbox group); other forms only when they ask for
 * personal data. Every list is capped (FORM_CAPS), so a hostile page finishes fast and says `truncated`.
 */
export function extractForms(html: string, pageUrl: string): ExtractedForms {
  const forms: ParsedForm[] = [];
  const pageLinks: FormLink[] = [];
  let truncated = false;
  let base = pageUrl;
  let baseSeen = false;
  let depth = 0;
  let rawText = false;
  let formsSeen = 0;
  let form: FormBuilder | null = null;
  let row: RowBuilder | null = null;
  const labels: LabelBuilder[] = [];
  let anchor: { depth: number; href: string; text: TextSink; title: string } | null = null;

  const sinks = (): TextSink[] => {
    const out: TextSink[] = labels.map((l) => l.text);
    if (row) out.push(row.text);
    if (anchor) out.push(anchor.text);
    return out;
  };

  const finishAnchor = () => {
    const a = anchor!;
    anchor = null;
    const link: FormLink = { href: a.href, url: resolve(a.href, base), text: a.text.value() || a.title };
    if (row) row.addLink(link);
    else if (form) form.addLink(link);
    else if (pageLinks.length < CAP.pageLinks) pageLinks.push(link);
    else truncated = true;
  };

  const openTag = (name: string, attrs: Attrs) => {
    switch (name) {
      case 'base':
        if (!baseSeen && attrs.href) {
          baseSeen = true;
          base = resolve(attrs.href.trim(), pageUrl) ?? pageUrl;
        }
        return;
      case 'script':
      case 'style':
        rawText = true;
        return;
      case 'form':
        // Browsers ignore a <form> inside a form; so do we.
        if (form) return;
        formsSeen += 1;
        if (forms.length >= CAP.forms) {
          truncated = true;
          return;
        }
        form = new FormBuilder(depth, formsSeen, attrs);
        return;
      case 'a':
        if (!anchor && attrs.href !== undefined) {
          anchor = { depth, href: attrs.href.trim(), text: new TextSink(CAP.text), title: (attrs.title ?? attrs['aria-label'] ?? '').trim() };
        }
        break;
      case 'br':
        for (const s of sinks()) s.add(' ');
        return;
    }
    if (!form) return;
    const cls = classes(attrs);
    if (!row && cls.includes('mauticform-row')) {
      if (form.fieldCount() >= CAP.fields) form.truncated = true;
      else row = new RowBuilder(depth, cls, attrs, form.name());
      return;
    }
    if (row && (name === 'label' || (name === 'h3' && cls.includes('mauticform-label'))) && labels.length < MAX_OPEN_LABELS) {
      labels.push({ depth, htmlFor: attrs.for ?? null, fieldLabel: cls.includes('mauticform-label'), text: new TextSink(CAP.text) });
    }
    row?.noteName(attrs.name);
    if (name === 'input') input(attrs);
    else if (name === 'select' || name === 'textarea') {
      form.notePersonal(attrs, name);
      if (attr(attrs, 'required') !== null) row?.markRequired();
    } else if (name === 'button' && (attrs.type ?? 'submit').toLowerCase() === 'submit' && attrs.formaction !== undefined) {
      form.addSubmitAction(attrs.formaction, base, pageUrl);
    }
  };

  const input = (attrs: Attrs) => {
    const f = form!;
    const type = (attrs.type ?? 'text').trim().toLowerCase();
    if (type === 'hidden') return f.addHidden(attrs.name ?? '', attrs.value ?? '');
    f.notePersonal(attrs, type);
    if ((type === 'submit' || type === 'image') && attrs.formaction !== undefined) f.addSubmitAction(attrs.formaction, base, pageUrl);
    if (!row) return;
    const required = attr(attrs, 'required') !== null;
    if (type === 'checkbox' || type === 'radio') {
      const wrap = labels[labels.length - 1];
      row.addOption({ value: attrs.value ?? 'on', label: '', checked: attr(attrs, 'checked') !== null, required }, attrs.id ?? null, wrap ?? null);
    } else if (required) row.markRequired();
  };

  const closeTag = (name: string) => {
    if (name === 'script' || name === 'style') rawText = false;
    if (anchor && anchor.depth === depth) finishAnchor();
    const label = labels[labels.length - 1];
    if (label && label.depth === depth) row!.addLabel(labels.pop()!);
    if (row && row.depth === depth) {
      form!.addField(row.build(), row.truncated);
      row = null;
    }
    if (form && form.depth === depth) {
      const built = form.build(base, pageUrl, pageLinks);
      if (built) forms.push(built);
      form = null;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth += 1;
        openTag(name, attrs);
      },
      onclosetag(name) {
        closeTag(name);
        depth -= 1;
      },
      ontext(text) {
        if (rawText) return;
        for (const s of sinks()) s.add(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { forms, truncated: truncated || forms.some((f) => f.truncated) };
}
