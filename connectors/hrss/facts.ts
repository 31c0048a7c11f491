/** The API facts HRSS answers, both about a person. Platforms code against these names. */
import { Employment, SocialInsurance } from '../../schemas/facts/hrss.js';
import { defineFact } from '../../src/connectors/types.js';
import { employment } from './interfaces/employment.js';
import { insuranceHistory } from './interfaces/insurance-history.js';
import { insuranceStatus } from './interfaces/insurance-status.js';
import { toSocialInsurance } from './to-social-insurance.js';

/** Status and months are independent calls: both start at once. */
export const socialInsuranceFact = defineFact({
  name: 'socialInsurance',
  subject: 'person',
  schema: SocialInsurance,
  connectors: [insuranceStatus, insuranceHistory],
  async resolve(subject, call) {
    const input = { idNumber: subject.idNumber };
    const [status, history] = await Promise.all([call(insuranceStatus, input), call(insuranceHistory, input)]);
    return toSocialInsurance(status, history);
  },
});

export const employmentFact = defineFact({
  name: 'employment',
  subject: 'person',
  schema: Employment,
  connectors: [employment],
  resolve: (subject, call) => call(employment, { idNumber: subject.idNumber }),
});

export const HRSS_FACTS = [socialInsuranceFact, employmentFact];
