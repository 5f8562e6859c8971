import { defineTemplate, t } from '../define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION, REPRESENTATIVE_PARTY } from '../legal-entity';

export default defineTemplate({
  id: 'legal-entity-call-details',
  version: 1,
  title: t('Запит на деталізацію дзвінків номера юридичної особи', "Call details of a legal entity's number"),
  description: t('Деталізація за період для номера компанії, електронною поштою; підписує представник за довіреністю.', "Call details for a period of a company's number, by e-mail; signed by a representative under a power of attorney."),
  sensitive: false,
  privacy: true,
  notify: { phone: ['details.msisdn'], email: ['details.email'] },
  parties: [REPRESENTATIVE_PARTY],
  sections: [
    COMPANY_SECTION,
    AUTHORITY_SECTION,
    {
      key: 'details',
      title: t('Деталізація', 'Call details'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону компанії', "The company's phone number"), required: true },
        { key: 'periodFrom', type: 'date', label: t('Період з', 'Period from'), required: true, notAfter: 'applicationDate' },
        { key: 'periodTo', type: 'date', label: t('Період по', 'Period to'), required: true, notAfter: 'applicationDate' },
        { key: 'email', type: 'email', label: t('Електронна пошта для PDF', 'E-mail for the PDF'), required: true },
      ],
    },
  ],
});
