import { defineTemplate, t } from '../define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION, REPRESENTATIVE_PARTY } from '../legal-entity';

export default defineTemplate({
  id: 'legal-entity-numbers',
  version: 1,
  title: t('Заява на підключення номерів для юридичної особи', 'Connecting numbers for a legal entity'),
  description: t('Нові номери для компанії; заяву підписує представник за довіреністю.', 'New numbers for a company; signed by a representative under a power of attorney.'),
  sensitive: false,
  notify: { phone: ['numbers.lines.0.msisdn'] },
  parties: [REPRESENTATIVE_PARTY],
  sections: [
    COMPANY_SECTION,
    AUTHORITY_SECTION,
    {
      key: 'numbers',
      title: t('Номери', 'Numbers'),
      fields: [
        {
          key: 'lines',
          type: 'list',
          label: t('Номери і тарифи', 'Numbers and tariffs'),
          required: true,
          minRows: 1,
          maxRows: 50,
          columns: [
            { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
            { key: 'tariff', type: 'tariff', label: t('Тариф', 'Tariff'), required: true },
          ],
        },
      ],
    },
  ],
});
