// Words by which a register entry names Mautic, e-mail delivery, hosting or special categories of data (Art. 9),
// in German and English. Data, not judgement: the ropa.* and dpa.* checks use them.

/** An activity about Mautic: it names Mautic or marketing automation. */
export const MAUTIC_WORDS = /\bmautic\b|marketing[-\s]?automati(on|sierung)/i;

/** An activity or recipient about sending e-mail. */
export const MAIL_WORDS = /e-?mail|newsletter|mailing|mailversand|mail[-\s]?versand|smtp|mail[-\s]?server|mail[-\s]?dienst|mail delivery/i;

/** A processor that hosts: its service names hosting, a data centre or servers. */
export const HOSTING_WORDS = /host(ing|er)|rechenzentrum|data[-\s]?cent(er|re)|server|colocation|cloud[-\s]?infrastru/i;

/** Data categories that are special under Art. 9(1). */
export const SPECIAL_CATEGORY_WORDS =
  /gesundheit|health|medizin|medical|krankheit|religi|weltanschau|ethnisch|ethnic|rass(e|isch)|racial|politisch|political|gewerkschaft|trade[-\s]?union|genetisch|genetic|biometri|sexual|sexuell|besondere kategorie|special categor|art\.?\s*9/i;
