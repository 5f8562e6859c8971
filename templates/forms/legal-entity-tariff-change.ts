import { defineTemplate, TARIFF_EFFECTIVE_FIELD, t } from '../define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION, REPRESENTATIVE_PARTY } from '../legal-entity';

export default defineTemplate({
  id: 'legal-entity-tariff-change',
  version: 1,
  title: t('Заява на зміну тарифу для номерів юридичної особи', "Tariff change for a legal entity's numbers"),
  description: t('Новий тариф для одного чи кількох номерів компанії; підписує представник за довіреністю.', "A new tariff for one or more of the company's numbers; signed by a representative under a power of attorney."),
  sensitive: false,
  notify: { phone: ['tariff.lines.0.msisdn'] },
  parties: [REPRESENTATIVE_PARTY],
  sections: [
    COMPANY_SECTION,
    AUTHORITY_SECTION,
    {
      key: 'tariff',
      title: t('Номери і новий тариф', 'Numbers and the new tariff'),
      fields: [
        {
          key: 'lines',
          type: 'list',
          label: t('Номери', 'Numbers'),
          required: true,
          minRows: 1,
          maxRows: 50,
          columns: [
            { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
            { key: 'newTariff', type: 'tariff', label: t('Новий тариф', 'New tariff'), required: true },
          ],
        },
        TARIFF_EFFECTIVE_FIELD,
      ],
    },
  ],
});
