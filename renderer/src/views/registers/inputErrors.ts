import { fieldErrors } from '../../components/fieldErrors';

/** Validation messages of a save (`input.<field>: …`) by field of the form. */
export function inputErrors<F extends string>(message: string, fields: readonly F[]) {
  return fieldErrors(message.replace(/(^|;\s*)input\./g, '$1'), fields);
}
