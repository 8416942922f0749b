import { z } from 'zod';
import { TRANSFER_BASES } from '../../shared/registers';
import { EEA_COUNTRIES, VENDOR_CATEGORIES } from '../../shared/vendors';
import { ITEM_ID } from './schema';

export const VENDOR_CATALOGUE_FORMAT = 1;

/** A host suffix, lower case: `fonts.googleapis.com`. */
export const VENDOR_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
/** An SMTP host pattern: labels or `*` (one or more labels), e.g. `email-smtp.*.amazonaws.com`. */
export const MAIL_HOST = /^(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?))+$/;
export const DSN_SCHEME = /^[a-z][a-z0-9.-]*(\+[a-z][a-z0-9.-]*)?$/;
const COUNTRY = /^[A-Z]{2}$/;

const text = z.string().trim().min(1);

export const vendorSchema = z.strictObject({
  id: z.string().regex(ITEM_ID),
  name: text,
  company: text,
  country: z.string().regex(COUNTRY),
  eea: z.boolean(),
  transferBasis: z.enum(TRANSFER_BASES).nullable(),
  category: z.enum(VENDOR_CATEGORIES),
  hosts: z.array(z.string().regex(VENDOR_HOST)).default([]),
  mail: z
    .strictObject({
      hosts: z.array(z.string().regex(MAIL_HOST)).default([]),
      schemes: z.array(z.string().regex(DSN_SCHEME)).default([]),
      transports: z.array(text).default([]),
    })
    .default({ hosts: [], schemes: [], transports: [] }),
  aliases: z.array(text).default([]),
});

type Seen = Map<string, number>;

/** Records `value` for vendor `i`; a value another vendor holds already is an issue at `path`. */
function claim(seen: Seen, value: string, i: number, what: string, path: (string | number)[], ctx: z.RefinementCtx, ids: string[]) {
  const first = seen.get(value);
  if (first === undefined) seen.set(value, i);
  else if (first !== i) ctx.addIssue({ code: 'custom', path, message: `${what} "${value}" belongs to vendor "${ids[first]}" already (vendors[${first}])` });
}

export const vendorCatalogueSchema = z
  .strictObject({
    format: z.literal(VENDOR_CATALOGUE_FORMAT),
    vendors: z.array(vendorSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const ids: Seen = new Map();
    const hosts: Seen = new Map();
    const mailHosts: Seen = new Map();
    const schemes: Seen = new Map();
    const transports: Seen = new Map();
    const idList = catalogue.vendors.map((v) => v.id);
    catalogue.vendors.forEach((v, i) => {
      const at = (...rest: (string | number)[]) => ['vendors', i, ...rest];
      const first = ids.get(v.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate vendor id "${v.id}" (first used by vendors[${first}])` });
      else ids.set(v.id, i);
      if (v.eea !== EEA_COUNTRIES.has(v.country)) {
        ctx.addIssue({ code: 'custom', path: at('eea'), message: `eea must be ${!v.eea} for country ${v.country} (${v.eea ? 'not in' : 'in'} the EU/EEA)` });
      }
      v.hosts.forEach((h, j) => claim(hosts, h, i, 'host', at('hosts', j), ctx, idList));
      v.mail.hosts.forEach((h, j) => claim(mailHosts, h, i, 'mail host', at('mail', 'hosts', j), ctx, idList));
      v.mail.schemes.forEach((s, j) => claim(schemes, s, i, 'mailer_dsn scheme', at('mail', 'schemes', j), ctx, idList));
      v.mail.transports.forEach((t, j) => claim(transports, t, i, 'mailer_transport', at('mail', 'transports', j), ctx, idList));
    });
  });

export type VendorCatalogueFile = z.infer<typeof vendorCatalogueSchema>;
