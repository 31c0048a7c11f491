/**
 * Normalized facts answered by the civil-affairs bureau (MCA): marriage registrations and
 * social assistance. Field names are the gateway's, never the agency's. A spouse is another
 * person: only their masked ID number is given. Neither fact carries an address.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum } from '../common.js';

/** One marriage registration (婚姻登记) of the subject. */
export const MarriageRegistration = Type.Object({
  /** 结婚 → married, 离婚 → divorced; a term the registry adds later → other. */
  status: StringEnum(['married', 'divorced', 'other'] as const),
  registeredOn: IsoDate,
  divorcedOn: Nullable(IsoDate),
  spouseIdNumberMasked: Type.String({ pattern: '^\\d{6}\\*{8}\\d{3}[\\dX]$', description: 'first 6 and last 4 kept, 370202********0010' }),
  /** 登记机关 as the registry writes it, e.g. 青岛市市南区民政局. */
  authority: Type.String(),
}, { additionalProperties: false });
export type MarriageRegistration = Static<typeof MarriageRegistration>;

/** `marriage`: the latest registration's fields, and every registration, oldest first (the latest last). */
export const Marriage = Type.Object({
  ...MarriageRegistration.properties,
  history: Type.Array(MarriageRegistration, { minItems: 1 }),
}, { additionalProperties: false });
export type Marriage = Static<typeof Marriage>;

/** One entitlement to social assistance (低保 / 特困). Whether it is still valid is the checks' question. */
export const AssistanceRecord = Type.Object({
  /** 最低生活保障 → minimum_living, 特困人员救助供养 → extreme_poverty; another kind → other. */
  kind: StringEnum(['minimum_living', 'extreme_poverty', 'other'] as const),
  since: IsoDate,
  validUntil: IsoDate,
}, { additionalProperties: false });
export type AssistanceRecord = Static<typeof AssistanceRecord>;

/** `assistance`: every entitlement on record, expired ones included, sorted by `since`. */
export const Assistance = Type.Array(AssistanceRecord);
export type Assistance = Static<typeof Assistance>;
