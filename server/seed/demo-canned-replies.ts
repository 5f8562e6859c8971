import type { CannedReplyScope } from '@/db/column-values';

/** The demo's canned replies: common subscriber questions, in both languages (admins edit them in the admin area). */
export const DEMO_CANNED_REPLIES: { scope: CannedReplyScope; titleUk: string; titleEn: string; bodyUk: string; bodyEn: string }[] = [
  {
    scope: 'request',
    titleUk: 'Звернення прийнято в роботу',
    titleEn: 'Request taken',
    bodyUk: 'Доброго дня! Ваше звернення {number} ({category}) прийнято в роботу. Відповімо не пізніше {due}. З повагою, {name}.',
    bodyEn: 'Hello! Your request {number} ({category}) is being handled. We will answer by {due} at the latest. Kind regards, {name}.',
  },
  {
    scope: 'request',
    titleUk: 'Потрібні додаткові дані',
    titleEn: 'More details needed',
    bodyUk: 'Щоб розглянути звернення {number}, надішліть, будь ласка, фото квитанції або скриншот через посилання на звернення. З повагою, {name}.',
    bodyEn: 'To look into request {number}, please send a photo of the receipt or a screenshot through the request’s link. Kind regards, {name}.',
  },
  {
    scope: 'subscriber',
    titleUk: 'Перевірка балансу',
    titleEn: 'Checking the balance',
    bodyUk: 'Баланс можна перевірити, набравши *111# і кнопку виклику, або в мобільному застосунку на головному екрані.',
    bodyEn: 'You can check your balance by dialling *111# and the call button, or on the main screen of the mobile app.',
  },
  {
    scope: 'subscriber',
    titleUk: 'Роумінг: як увімкнути',
    titleEn: 'Roaming: how to turn it on',
    bodyUk: 'Роумінг вмикається безкоштовно: наберіть *105# або увімкніть його в застосунку в розділі «Послуги». Перед поїздкою перевірте, що в телефоні увімкнено передачу даних у роумінгу.',
    bodyEn: 'Roaming is turned on free of charge: dial *105# or turn it on in the app under "Services". Before you travel, check that data roaming is enabled in your phone’s settings.',
  },
  {
    scope: 'subscriber',
    titleUk: 'PUK-код',
    titleEn: 'PUK code',
    bodyUk: 'PUK-код надрукований на пластиковій картці, з якої виламано SIM-картку. Якщо картки немає, ми підкажемо його після підтвердження номера, або його можна отримати в точці продажу з паспортом.',
    bodyEn: 'The PUK code is printed on the plastic card the SIM was broken out of. Without the card, we can tell you once you verify your number, or you can get it at a point of sale with your passport.',
  },
  {
    scope: 'subscriber',
    titleUk: 'Зміна тарифу',
    titleEn: 'Changing the tariff',
    bodyUk: 'Тариф можна змінити в застосунку в розділі «Тарифи» або набравши *100#. Новий тариф діє з наступного розрахункового періоду; плата за перехід — за умовами тарифу.',
    bodyEn: 'You can change your tariff in the app under "Tariffs" or by dialling *100#. The new tariff applies from the next billing period; any switching fee follows the tariff’s terms.',
  },
  {
    scope: 'subscriber',
    titleUk: 'Покриття мережі',
    titleEn: 'Network coverage',
    bodyUk: 'Карта покриття є на нашому сайті в розділі «Покриття». Якщо зв’язок зник у місці, де раніше був, напишіть, будь ласка, адресу — ми передамо її технічній службі.',
    bodyEn: 'The coverage map is on our website under "Coverage". If the signal is gone where you used to have it, please send us the address and we will pass it to the technical team.',
  },
  {
    scope: 'dealer',
    titleUk: 'Потрібен скан документа',
    titleEn: 'A document scan is needed',
    bodyUk: 'Надішліть, будь ласка, фото або скан документа абонента (усі сторінки з даними), щоб я перевірив заяву.',
    bodyEn: 'Please send a photo or scan of the subscriber’s document (all pages with data) so that I can check the application.',
  },
];
