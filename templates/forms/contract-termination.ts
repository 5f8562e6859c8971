import { defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'contract-termination',
  version: 1,
  title: t('Заява на розірвання договору', 'Contract termination'),
  description: t('Припинення обслуговування номера з обраної дати і повернення залишку коштів.', 'Ending the service of a number from the chosen date and refunding the balance.'),
  sensitive: false,
  notify: { phone: ['termination.msisdn'] },
  parties: [{ key: 'subscriber', title: t('Абонент', 'Subscriber'), kind: 'person', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'termination',
      title: t('Розірвання', 'Termination'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        { key: 'terminationDate', type: 'date', label: t('Дата розірвання', 'Termination date'), required: true, notBefore: 'applicationDate' },
        {
          key: 'reason',
          type: 'select',
          label: t('Причина', 'Reason'),
          required: true,
          options: [
            { value: 'moving-abroad', label: t('Виїзд за кордон', 'Moving abroad') },
            { value: 'other-operator', label: t('Перехід до іншого оператора', 'Switching to another operator') },
            { value: 'not-needed', label: t('Номер більше не потрібен', 'The number is no longer needed') },
            { value: 'other', label: t('Інше', 'Other') },
          ],
        },
        { key: 'reasonText', type: 'textarea', label: t('Опишіть причину', 'Describe the reason'), required: true, showIf: { field: 'reason', equals: 'other' }, maxLength: 1000 },
        {
          key: 'refund',
          type: 'select',
          label: t('Повернення залишку', 'Refund of the balance'),
          required: true,
          options: [
            { value: 'none', label: t('Не потрібне', 'Not needed') },
            { value: 'bank', label: t('На банківський рахунок', 'To a bank account') },
          ],
        },
        { key: 'iban', type: 'iban', label: t('IBAN для повернення', 'IBAN for the refund'), required: true, showIf: { field: 'refund', equals: 'bank' } },
      ],
    },
  ],
});
