// Collectors the form parser fills while it walks the document; each build() returns plain form-model data.
import { FORM_CAPS as CAP, type FormLink, type FormOption, type HiddenInput, type ParsedField, type ParsedForm } from './form-model';

type Attrs = Record<string, string>;

/** Collects text up to a cap; value() collapses whitespace. */
export class TextSink {
  private raw = '';
  constructor(private readonly max: number) {}
  add(text: string): void {
    // Whitespace is collapsed only at the end, so keep some room for it.
    if (this.raw.length < this.max * 4) this.raw += text;
  }
  value(): string {
    return this.raw.replace(/\s+/g, ' ').trim().slice(0, this.max);
  }
}

export interface LabelBuilder {
  depth: number;
  htmlFor: string | null;
  /** Mautic's field label (class `mauticform-label`), not an option's label. */
  fieldLabel: boolean;
  text: TextSink;
}

/** Mautic's field types (FormFieldHelper) plus 5.x's boolean; `button-wrapper` is the ≤4.x button row. */
const FIELD_TYPES = new Set(['text', 'textarea', 'email', 'number', 'tel', 'url', 'date', 'datetime', 'select', 'checkboxgrp', 'radiogrp', 'boolean', 'country', 'hidden', 'file', 'password', 'captcha', 'freetext', 'freehtml', 'pagebreak', 'button']);
/** Row classes that say something other than the type. */
const NOT_A_TYPE = /^(row|required|field-\d+|field-hidden|\d+)$/;
const MAUTIC_NAME = /^mauticform\[([^\]]+)\]/;

function fieldType(classes: string[], validationType: string | null): string {
  const tokens = classes.filter((c) => c.startsWith('mauticform-')).map((c) => c.slice('mauticform-'.length));
  const known = tokens.find((t) => FIELD_TYPES.has(t) || t === 'button-wrapper');
  if (known) return known === 'button-wrapper' ? 'button' : known;
  if (validationType) return validationType;
  return tokens.find((t) => !NOT_A_TYPE.test(t)) ?? 'unknown';
}

interface OptionEntry {
  option: FormOption;
  id: string | null;
  wrap: LabelBuilder | null;
}

/** One `mauticform-row` container. */
export class RowBuilder {
  readonly text = new TextSink(CAP.text);
  truncated = false;
  private readonly options: OptionEntry[] = [];
  private readonly labels: LabelBuilder[] = [];
  private readonly links: FormLink[] = [];
  private nameAlias: string | null = null;
  private htmlRequired = false;
  private readonly dataValidate: string | null;

  constructor(
    readonly depth: number,
    private readonly classes: string[],
    private readonly attrs: Attrs,
    private readonly formName: string | null,
  ) {
    this.dataValidate = attrs['data-validate']?.trim() || null;
  }

  noteName(name: string | undefined): void {
    const m = name ? MAUTIC_NAME.exec(name.trim()) : null;
    if (m && !this.nameAlias) this.nameAlias = m[1]!;
  }

  markRequired(): void {
    this.htmlRequired = true;
  }

  addOption(option: FormOption, id: string | null, wrap: LabelBuilder | null): void {
    if (this.options.length >= CAP.options) {
      this.truncated = true;
      return;
    }
    this.options.push({ option, id, wrap });
  }

  addLabel(label: LabelBuilder): void {
    // One label per option plus the field label; more are not needed to name the options.
    if (this.labels.length < CAP.options + 1) this.labels.push(label);
  }

  addLink(link: FormLink): void {
    if (this.links.length < CAP.links) this.links.push(link);
    else this.truncated = true;
  }

  private idAlias(): string | null {
    const id = this.attrs.id?.trim();
    if (!id) return null;
    // ≤5.x: the row id is mauticform_<formName>_<alias>; form names are alphanumeric, aliases may hold "_".
    const prefix = this.formName ? `mauticform_${this.formName}_` : 'mauticform_';
    if (!id.startsWith(prefix)) return null;
    const rest = id.slice(prefix.length);
    return this.formName ? rest || null : rest.slice(rest.indexOf('_') + 1) || null;
  }

  build(): ParsedField {
    const byFor = (id: string | null) => (id ? this.labels.find((l) => l.htmlFor === id) : undefined);
    const optionLabels = new Set<LabelBuilder>();
    const options = this.options.map(({ option, id, wrap }) => {
      const label = byFor(id) ?? wrap ?? undefined;
      if (label) optionLabels.add(label);
      return { ...option, label: label?.text.value() ?? '' };
    });
    const fieldLabel = this.labels.find((l) => l.fieldLabel) ?? this.labels.find((l) => !optionLabels.has(l));
    return {
      alias: this.dataValidate ?? this.nameAlias ?? this.idAlias(),
      type: fieldType(this.classes, this.attrs['data-validation-type']?.trim() || null),
      label: fieldLabel?.text.value() ?? '',
      text: this.text.value(),
      required: this.classes.includes('mauticform-required') || this.dataValidate !== null || this.htmlRequired || options.some((o) => o.required),
      options,
      hiddenDefault: null,
      links: this.links,
    };
  }
}

const PERSONAL_NAME = /e-?mail|phone|telefon|mobil|handy/i;
const PERSONAL_AUTOCOMPLETE = /\b(email|tel(-national|-local)?)\b/i;

function resolveAction(raw: string | null, base: string, pageUrl: string): string | null {
  // An absent or empty action submits to the document's own URL (HTML: "form submission algorithm").
  if (raw === null || raw.trim() === '') return pageUrl;
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
}

/** One <form> element. */
export class FormBuilder {
  truncated = false;
  private readonly fields: ParsedField[] = [];
  private readonly hidden: HiddenInput[] = [];
  private readonly links: FormLink[] = [];
  private readonly submitActions: (string | null)[] = [];
  private readonly personal: string[] = [];
  private readonly hiddenDefaults = new Map<string, string>();
  private linkCount = 0;
  private hiddenFormId: string | null = null;
  private hiddenFormName: string | null = null;

  constructor(
    readonly depth: number,
    private readonly index: number,
    private readonly attrs: Attrs,
  ) {}

  /** The form name as far as known when the form opens (data-mautic-form or the id). */
  name(): string | null {
    const data = this.attrs['data-mautic-form']?.trim();
    if (data) return data;
    const id = this.attrs.id?.trim() ?? '';
    return id.startsWith('mauticform_') ? id.slice('mauticform_'.length) || null : null;
  }

  fieldCount(): number {
    return this.fields.length;
  }

  addField(field: ParsedField, truncated: boolean): void {
    const room = Math.max(CAP.links - this.linkCount, 0);
    if (field.links.length > room || truncated) this.truncated = true;
    field.links = field.links.slice(0, room);
    this.linkCount += field.links.length;
    this.fields.push(field);
  }

  addLink(link: FormLink): void {
    if (this.linkCount >= CAP.links) {
      this.truncated = true;
      return;
    }
    this.linkCount += 1;
    this.links.push(link);
  }

  addHidden(name: string, value: string): void {
    const n = name.trim();
    if (n === 'mauticform[formId]') this.hiddenFormId = value.trim() || null;
    else if (n === 'mauticform[formName]') this.hiddenFormName = value.trim() || null;
    else {
      const m = /^mauticform\[([^\]]+)\]$/.exec(n);
      if (m && !this.hiddenDefaults.has(m[1]!) && this.hiddenDefaults.size < CAP.hidden) this.hiddenDefaults.set(m[1]!, value);
    }
    if (this.hidden.length < CAP.hidden) this.hidden.push({ name: n, value });
    else this.truncated = true;
  }

  addSubmitAction(raw: string, base: string, pageUrl: string): void {
    if (this.submitActions.length < CAP.links) this.submitActions.push(resolveAction(raw, base, pageUrl));
  }

  notePersonal(attrs: Attrs, type: string): void {
    const name = attrs.name?.trim() ?? '';
    const personal = type === 'email' || type === 'tel' || PERSONAL_AUTOCOMPLETE.test(attrs.autocomplete ?? '') || PERSONAL_NAME.test(name);
    if (personal && this.personal.length < CAP.personalInputs) this.personal.push(name || type);
  }

  /** The finished form; null for a form that is not Mautic's and asks for no personal data. */
  build(base: string, pageUrl: string, pageLinks: FormLink[]): ParsedForm | null {
    const raw = this.attrs.action ?? null;
    const actionUrl = resolveAction(raw, base, pageUrl);
    let actionPath = '';
    let actionFormId: string | null = null;
    try {
      const u = new URL(actionUrl ?? '');
      actionPath = u.pathname;
      actionFormId = u.searchParams.get('formId');
    } catch {
      // unparseable action: nothing to learn from it
    }
    const mautic =
      this.name() !== null || /\/form\/submit\/?$/.test(actionPath) || this.fields.length > 0 || this.hiddenFormId !== null;
    if (!mautic && !this.personal.length) return null;
    for (const f of this.fields) f.hiddenDefault = f.alias !== null ? (this.hiddenDefaults.get(f.alias) ?? null) : null;
    return {
      index: this.index,
      mautic,
      id: this.attrs.id?.trim() || null,
      name: this.name() ?? this.hiddenFormName,
      formId: this.hiddenFormId ?? actionFormId,
      action: raw,
      actionUrl,
      submitActions: this.submitActions,
      method: (this.attrs.method ?? 'get').trim().toLowerCase() || 'get',
      fields: this.fields,
      hiddenInputs: this.hidden,
      links: this.links,
      pageLinks,
      personalInputs: this.personal,
      truncated: this.truncated,
    };
  }
}
