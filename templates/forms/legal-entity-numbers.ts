import { defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'legal-entity-numbers',
  version: 1,
  title: t('Заява на підключення номерів для юридичної особи', 'Connecting numbers for a legal entity'),
  description: t('Нові номери для компанії; заяву підписує представник за довіреністю.', 'New numbers for a company; signed by a representative under a power of attorney.'),
  sensitive: false,
  notify: { phone: ['numbers.lines.0.msisdn'] },
  parties: [{ key: 'representative', title: t('Представник юридичної особи', 'Representative of the legal entity'), kind: 'representative', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'company',
      title: t('Юридична особа', 'Legal entity'),
      fields: [
        { key: 'name', type: 'text', label: t('Повна назва', 'Full name'), required: true, maxLength: 300 },
        { key: 'edrpou', type: 'edrpou', label: t('Код ЄДРПОУ', 'EDRPOU code'), required: true },
        { key: 'legalAddress', type: 'address', label: t('Юридична адреса', 'Legal address'), required: true },
        { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN'), required: true },
      ],
    },
    {
      key: 'authority',
      title: t('Довіреність', 'Power of attorney'),
      fields: [
        { key: 'poaNumber', type: 'text', label: t('Номер довіреності', 'Number'), required: true, maxLength: 60 },
        { key: 'poaDate', type: 'date', label: t('Дата видачі', 'Issued on'), required: true, notAfter: 'applicationDate' },
        { key: 'poaValidUntil', type: 'date', label: t('Дійсна до', 'Valid until'), required: true, notBefore: 'applicationDate' },
      ],
    },
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
