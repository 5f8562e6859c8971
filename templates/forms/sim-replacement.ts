import { confirmationContactSection, defineTemplate, PERSON_DOCUMENTS, t } from '../define-template';

export default defineTemplate({
  id: 'sim-replacement',
  version: 1,
  title: t('Заява на заміну SIM-картки', 'SIM card replacement'),
  description: t('Заміна втраченої, пошкодженої чи викраденої SIM-картки зі збереженням номера.', 'Replacing a lost, damaged or stolen SIM card, keeping the number.'),
  sensitive: true,
  // While the old SIM works (a new format), the confirmation goes to the number itself.
  notify: { phone: ['number.msisdn'], email: ['contact.contactEmail', 'number.email'] },
  guard: {
    number: 'number.msisdn',
    unreachableWhen: { field: 'number.reason', in: ['lost', 'stolen', 'damaged'] },
    contactSection: 'contact',
    noticeUk: 'заміна SIM вашого номера',
    approvedMeans: t(
      'Нова SIM-картка запрацює з вашим номером, а стара перестане працювати. Нічого більше робити не потрібно.',
      'The new SIM card will work with your number and the old one will stop working. You need not do anything else.',
    ),
  },
  parties: [{ key: 'subscriber', title: t('Абонент', 'Subscriber'), kind: 'person', documents: PERSON_DOCUMENTS }],
  sections: [
    {
      key: 'number',
      title: t('Номер і SIM-картка', 'Number and SIM card'),
      fields: [
        { key: 'msisdn', type: 'phone', label: t('Номер телефону', 'Phone number'), required: true },
        {
          key: 'reason',
          type: 'select',
          label: t('Причина заміни', 'Reason'),
          required: true,
          options: [
            { value: 'lost', label: t('Втрачена', 'Lost') },
            { value: 'stolen', label: t('Викрадена', 'Stolen') },
            { value: 'damaged', label: t('Пошкоджена', 'Damaged') },
            { value: 'format', label: t('Інший формат (nano, eSIM)', 'Other format (nano, eSIM)') },
          ],
        },
        { key: 'policeReport', type: 'text', label: t('Номер заяви до поліції', 'Police report number'), showIf: { field: 'reason', equals: 'stolen' }, maxLength: 50 },
        {
          key: 'simType',
          type: 'select',
          label: t('Нова SIM-картка', 'New SIM card'),
          required: true,
          options: [
            { value: 'physical', label: t('Фізична SIM-картка', 'Physical SIM card') },
            { value: 'esim', label: t('eSIM', 'eSIM') },
          ],
        },
        { key: 'iccid', type: 'text', label: t('ICCID нової SIM-картки (19–20 цифр)', 'ICCID of the new SIM card (19–20 digits)'), required: true, showIf: { field: 'simType', equals: 'physical' }, maxLength: 20 },
        { key: 'email', type: 'email', label: t('Електронна пошта для QR-коду eSIM', 'E-mail for the eSIM QR code'), required: true, showIf: { field: 'simType', equals: 'esim' } },
      ],
    },
    confirmationContactSection('contact', t('Контакт абонента для підтвердження', 'The subscriber’s contact for the confirmation')),
  ],
});
