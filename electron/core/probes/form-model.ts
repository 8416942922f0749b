// What the form parser reports: plain data, kept as observations and judged by the forms.* checks.

/** An <a href> as written (entities decoded), resolved against the page; url null when it is no valid URL. */
export interface FormLink {
  href: string;
  url: string | null;
  /** The link text (or its title / aria-label when it has none), whitespace collapsed, capped. */
  text: string;
}

/** One checkbox or radio input of a group field. */
export interface FormOption {
  value: string;
  /** Text of the <label for=…> of the input (5.x), else of the label around it (≤4.x). */
  label: string;
  /** The `checked` attribute is present, whatever its value (HTML boolean attribute). */
  checked: boolean;
  /** The `required` attribute is present (the browser then refuses to submit without a tick). */
  required: boolean;
}

/** One Mautic field: a `mauticform-row` container and what is inside it. */
export interface ParsedField {
  /** Mautic's alias (`data-validate`, `mauticform[<alias>]`, or the row id); null when none is readable. */
  alias: string | null;
  /** Mautic's field type from the row class `mauticform-<type>` (checkboxgrp, email, freetext …), else 'unknown'. */
  type: string;
  /** Text of the field label (`mauticform-label`), capped. */
  label: string;
  /** All text inside the row (label, help message, option labels, free text), capped. */
  text: string;
  /** Mautic marks it required (`mauticform-required` / `data-validate`) or an input in it has `required`. */
  required: boolean;
  options: FormOption[];
  /**
   * Value of a hidden input `mauticform[<alias>]` in the same form: Mautic 2.14.1+ renders one for a checkbox
   * group with a default value, which is submitted even when no box is ticked. null: there is none.
   */
  hiddenDefault: string | null;
  /** Links inside the row (in the label, the help message, an option label or the free text). */
  links: FormLink[];
}

export interface HiddenInput {
  name: string;
  value: string;
}

export interface ParsedForm {
  /** Position among the <form> elements of the page, from 1. */
  index: number;
  /** Recognised as a Mautic form (id `mauticform_…`, `data-mautic-form`, action `/form/submit`, Mautic rows). */
  mautic: boolean;
  id: string | null;
  /** Mautic's form name (`data-mautic-form`, the id, or the hidden `mauticform[formName]`). */
  name: string | null;
  /** Mautic's numeric form id (hidden `mauticform[formId]` or the action's `formId`). */
  formId: string | null;
  /** The action attribute as written; null when absent. */
  action: string | null;
  /** Where the form is submitted: the action resolved (absent or empty = the page URL); null when unparseable. */
  actionUrl: string | null;
  /** `formaction` of submit buttons, resolved (null entries: unparseable). */
  submitActions: (string | null)[];
  method: string;
  fields: ParsedField[];
  hiddenInputs: HiddenInput[];
  /** Links inside the form but outside every field row (e.g. a notice next to the submit button). */
  links: FormLink[];
  /** Links on the page outside every form (shared by all forms of the page). */
  pageLinks: FormLink[];
  /** Inputs that ask for personal data (type email/tel, or such a name / autocomplete), by name or type. */
  personalInputs: string[];
  /** More fields, options, links or hidden inputs than the caps: the rest were not read. */
  truncated: boolean;
}

export interface ExtractedForms {
  /** Mautic forms, and other forms that ask for personal data. */
  forms: ParsedForm[];
  /** A cap was hit (forms per page, fields per form, links …): the page was not read completely. */
  truncated: boolean;
}

export const FORM_CAPS = {
  forms: 20,
  fields: 200,
  options: 50,
  links: 100,
  pageLinks: 500,
  hidden: 50,
  personalInputs: 20,
  text: 1000,
} as const;
