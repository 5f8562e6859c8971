import { defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'call-details',
  version: 1,
  title: t('Запит на деталізацію дзвінків', 'Request for call details'),
  description: t('Деталізація дзвінків за період. Надається лише власнику номера.', 'Call details for a period. Given only to the owner of the number.'),
  sensitive: false,
  notify: { phone: ['details.msisdn'], email: ['details.email'] },
  privacy: true,
  parties: [{ key: 'subscriber', title: t('Абонент (власник номера)', 'Subscriber (owner of the number)'), kind: 'person', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'details',
      title: t('Деталізація', 'Call details'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        { key: 'ownerConfirmed', type: 'checkbox', label: t('Ідентифікована особа є власником цього номера за договором', 'The identified person owns this number under the contract'), required: true },
        { key: 'periodFrom', type: 'date', label: t('Період з', 'Period from'), required: true, notAfter: 'applicationDate' },
        { key: 'periodTo', type: 'date', label: t('Період по', 'Period to'), required: true, notAfter: 'applicationDate' },
        {
          key: 'delivery',
          type: 'select',
          label: t('Як видати', 'Delivery'),
          required: true,
          options: [
            { value: 'email', label: t('Електронною поштою (PDF)', 'By e-mail (PDF)') },
            { value: 'point-of-sale', label: t('Роздрукувати в точці продажу', 'Printed at the point of sale') },
          ],
        },
        { key: 'email', type: 'email', label: t('Електронна пошта', 'E-mail'), required: true, showIf: { field: 'delivery', equals: 'email' } },
      ],
    },
  ],
});
