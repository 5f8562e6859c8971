import type { ChatAction } from '@/server/chat/chat-transitions';
import type { PACKAGE_TRANSITIONS } from '@/server/packages/package-access';
import type { RequestAction } from '@/server/requests/request-transitions';
import type { ApplicationAction } from '@/server/workflow/transition-table';

/**
 * Human words for the audit trail's action codes, in both languages: the one mapping the back
 * office's history and the signed PDF's audit page use. The codes themselves stay in the hash
 * chain unchanged. The type lists every code the app writes (each transition table's actions plus
 * the direct writes), so a new action without words does not compile;
 * tests/unit/audit-actions.test.ts also scans the sources for codes.
 */
export type AuditAction =
  | `application.${ApplicationAction | 'create'}`
  | 'chat.sendPointOfSale'
  | 'chat.requestVerification'
  | 'canned_reply.create'
  | 'canned_reply.update'
  | 'canned_reply.activate'
  | 'canned_reply.deactivate'
  | `chat.${ChatAction | 'start' | 'transfer' | 'rate' | 'leave' | 'transcript'}`
  | `visitor.${'start' | 'end' | 'codeRequest' | 'codeFailed' | 'verify'}`
  | `package.${keyof typeof PACKAGE_TRANSITIONS | 'create'}`
  | 'user.create'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'dealer.create'
  | 'point_of_sale.create'
  | 'operator.capacity'
  | 'notification.retry'
  | `request.${RequestAction}`
  | 'request_category.update'
  | 'demo.seed';

export interface Words {
  uk: string;
  en: string;
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, Words> = {
  'application.create': { uk: 'Заяву створено', en: 'Application created' },
  'application.identify': { uk: 'Особу ідентифіковано', en: 'Person identified' },
  'application.edit': { uk: 'Дані заяви змінено', en: 'Form edited' },
  'application.fill': { uk: 'Заповнення завершено', en: 'Form completed' },
  'application.verify': { uk: 'Перевірено оператором', en: 'Checked by the operator' },
  'application.return': { uk: 'Повернуто на доопрацювання', en: 'Returned for corrections' },
  'application.sign': { uk: 'Підписано і засвідчено', en: 'Signed and sealed' },
  'application.submit': { uk: 'Подано до бек-офісу', en: 'Submitted to the back office' },
  'application.claim': { uk: 'Взято в роботу', en: 'Taken to work' },
  'application.release': { uk: 'Звільнено з роботи', en: 'Released from work' },
  'application.approve': { uk: 'Схвалено', en: 'Approved' },
  'application.reject': { uk: 'Відхилено', en: 'Rejected' },
  'application.cancel': { uk: 'Скасовано', en: 'Cancelled' },
  'application.dispute': { uk: 'Абонент оскаржив', en: 'Disputed by the subscriber' },
  'application.confirm': { uk: 'Абонент підтвердив', en: 'Confirmed by the subscriber' },
  'chat.start': { uk: 'Чат розпочато', en: 'Chat started' },
  'chat.accept': { uk: 'Оператор прийняв чат', en: 'Chat taken by an operator' },
  'chat.cancel': { uk: 'Чат скасовано в черзі', en: 'Chat cancelled while waiting' },
  'chat.close': { uk: 'Чат завершено', en: 'Chat closed' },
  'chat.transfer': { uk: 'Чат передано іншому оператору', en: 'Chat transferred to another operator' },
  'chat.rate': { uk: 'Чат оцінено', en: 'Chat rated' },
  'chat.sendPointOfSale': { uk: 'Абоненту надіслано точку продажу', en: 'Point of sale sent to the subscriber' },
  'chat.requestVerification': { uk: 'Абонента попросили підтвердити номер', en: 'Subscriber asked to verify their number' },
  'canned_reply.create': { uk: 'Шаблон відповіді створено', en: 'Canned reply created' },
  'canned_reply.update': { uk: 'Шаблон відповіді змінено', en: 'Canned reply edited' },
  'canned_reply.activate': { uk: 'Шаблон відповіді увімкнено', en: 'Canned reply enabled' },
  'canned_reply.deactivate': { uk: 'Шаблон відповіді вимкнено', en: 'Canned reply disabled' },
  'chat.leave': { uk: 'Абонент вийшов із чату', en: 'The subscriber left the chat' },
  'chat.transcript': { uk: 'Розмову надіслано на e-mail', en: 'Transcript sent by e-mail' },
  'visitor.start': { uk: 'Відкрито сеанс віджета', en: 'Widget session started' },
  'visitor.end': { uk: 'Сеанс віджета завершено', en: 'Widget session ended' },
  'visitor.codeRequest': { uk: 'Надіслано код підтвердження', en: 'Confirmation code sent' },
  'visitor.codeFailed': { uk: 'Неправильний код підтвердження', en: 'Wrong confirmation code' },
  'visitor.verify': { uk: 'Номер або адресу підтверджено', en: 'Number or address verified' },
  'package.create': { uk: 'Пакет створено', en: 'Package created' },
  'package.edit': { uk: 'Пакет змінено', en: 'Package edited' },
  'package.editDetails': { uk: 'Дані компанії в пакеті змінено', en: 'Company details of the package edited' },
  'package.send': { uk: 'Пакет надіслано дилеру', en: 'Package sent to the dealer' },
  'package.open': { uk: 'Дилер відкрив пакет', en: 'Package opened by the dealer' },
  'user.create': { uk: 'Користувача створено', en: 'User created' },
  'user.deactivate': { uk: 'Користувача деактивовано', en: 'User deactivated' },
  'user.reactivate': { uk: 'Користувача відновлено', en: 'User reactivated' },
  'dealer.create': { uk: 'Компанію-дилера додано', en: 'Dealer company added' },
  'point_of_sale.create': { uk: 'Точку продажу додано', en: 'Point of sale added' },
  'operator.capacity': { uk: 'Змінено кількість чатів оператора', en: 'Operator’s chat capacity changed' },
  'notification.retry': { uk: 'Повідомлення надіслано повторно', en: 'Notification retried' },
  'request.submit': { uk: 'Звернення подано', en: 'Request submitted' },
  'request.claim': { uk: 'Звернення взято в роботу', en: 'Request taken' },
  'request.assign': { uk: 'Звернення передано колезі', en: 'Request assigned' },
  'request.note': { uk: 'Внутрішню нотатку додано', en: 'Internal note added' },
  'request.reply': { uk: 'Відповідь абоненту', en: 'Reply to the subscriber' },
  'request.wait': { uk: 'Очікуємо на абонента', en: 'Waiting for the subscriber' },
  'request.resolve': { uk: 'Звернення вирішено', en: 'Request resolved' },
  'request.close': { uk: 'Звернення закрито', en: 'Request closed' },
  'request.merge': { uk: 'Дублікат об’єднано з іншим зверненням', en: 'Duplicate merged into another request' },
  'request.absorb': { uk: 'До звернення приєднано дублікат', en: 'A duplicate merged into this request' },
  'request.link': { uk: 'Звернення пов’язано із заявою або чатом', en: 'Request linked to an application or a chat' },
  'request.answer': { uk: 'Абонент відповів', en: 'The subscriber answered' },
  'request.addFiles': { uk: 'Абонент додав файли', en: 'The subscriber added files' },
  'request.subscriberClose': { uk: 'Абонент закрив звернення', en: 'The subscriber closed the request' },
  'request.reopen': { uk: 'Абонент повторно відкрив звернення', en: 'The subscriber reopened the request' },
  'request.rate': { uk: 'Абонент оцінив звернення', en: 'The subscriber rated the request' },
  'request_category.update': { uk: 'Категорію звернень змінено', en: 'Request category changed' },
  'demo.seed': { uk: 'Створено демонстраційні дані', en: 'Demo data created' },
};

/** Who acted, as the audit trail records it (a role, the subscriber, or the system). */
export const AUDIT_ACTOR_LABELS: Record<string, Words> = {
  dealer: { uk: 'Дилер', en: 'Dealer' },
  operator: { uk: 'Оператор', en: 'Operator' },
  backoffice: { uk: 'Бек-офіс', en: 'Back office' },
  admin: { uk: 'Адміністратор', en: 'Administrator' },
  subscriber: { uk: 'Абонент', en: 'Subscriber' },
  system: { uk: 'Система', en: 'System' },
};

const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTION_LABELS, code);

/** The words for an action code; a code written before its words existed shows as it is. */
export function auditActionLabel(code: string, locale: 'uk' | 'en'): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code][locale] : code;
}

export function auditActorLabel(role: string | null, locale: 'uk' | 'en'): string {
  const words = AUDIT_ACTOR_LABELS[role ?? 'system'];
  return words ? words[locale] : (role ?? '');
}
