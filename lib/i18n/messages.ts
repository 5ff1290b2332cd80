// The interface in English and Russian. Keys are stable ids; {name} marks a variable.
export const en = {
  "nav.main": "Main",
  "nav.inbox": "Inbox",
  "nav.escalations": "Escalations",
  "nav.dashboard": "Dashboard",
  "nav.settings": "Settings",
  "header.signOut": "Sign out",
  "header.available": "Available",
  "header.away": "Away",
  "header.availableHint": "You get new conversations. Switch to away to stop.",
  "header.awayHint": "You get no new conversations. Switch to available.",
  "header.language": "Interface language",
  "header.demo": "Demo workspace — sample data, new messages keep arriving",
  "header.noBrand": "You are not a member of any brand yet.",
  "header.noBrandHint": "Ask an admin to add you to a brand.",
  "settings.nav": "Settings",
  "settings.brands": "Brands",
  "settings.team": "Team",
  "settings.channels": "Channels",
  "settings.sla": "Response targets",
  "settings.templates": "Templates",
  "settings.escalation": "Escalation rules",
  "settings.audit": "Audit log",
  "login.title": "Sign in to your team's inbox.",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.pending": "Signing in…",
  "inbox.views": "Views",
  "inbox.view.waiting": "Waiting",
  "inbox.view.mine": "Mine",
  "inbox.view.unassigned": "Unassigned",
  "inbox.view.pending": "Pending",
  "inbox.view.snoozed": "Snoozed",
  "inbox.view.resolved": "Resolved",
  "inbox.view.noise": "Noise",
  "inbox.view.escalated": "Escalated",
  "inbox.view.all": "All open",
  "inbox.empty": "Nothing here. New conversations appear as they arrive.",
  "inbox.pick": "Pick a conversation on the left, or press j / k and Enter.",
  "inbox.search": "Search messages",
  "conversation.assignToMe": "Assign to me",
  "conversation.resolve": "Resolve",
  "conversation.pending": "Pending",
  "conversation.markNoise": "Mark as noise",
  "conversation.hide": "Hide on platform…",
  "conversation.block": "Block author",
  "conversation.unblock": "Unblock author",
  "composer.public": "Public reply",
  "composer.private": "Private message",
  "composer.note": "Internal note",
  "composer.send": "Send",
  "sla.on_track": "on track",
  "sla.at_risk": "at risk",
  "sla.breached": "breached",
  "sla.met": "met",
  "sla.missed": "missed",
} as const;

export type MessageKey = keyof typeof en;

export const ru: Record<MessageKey, string> = {
  "nav.main": "Главное меню",
  "nav.inbox": "Входящие",
  "nav.escalations": "Эскалации",
  "nav.dashboard": "Показатели",
  "nav.settings": "Настройки",
  "header.signOut": "Выйти",
  "header.available": "На связи",
  "header.away": "Нет на месте",
  "header.availableHint": "Вам назначаются новые обращения. Переключите, чтобы остановить.",
  "header.awayHint": "Новые обращения вам не назначаются. Переключите, чтобы снова получать их.",
  "header.language": "Язык интерфейса",
  "header.demo": "Демо-пространство — примерные данные, новые сообщения продолжают поступать",
  "header.noBrand": "Вы пока не состоите ни в одном бренде.",
  "header.noBrandHint": "Попросите администратора добавить вас в бренд.",
  "settings.nav": "Настройки",
  "settings.brands": "Бренды",
  "settings.team": "Команда",
  "settings.channels": "Каналы",
  "settings.sla": "Сроки ответа",
  "settings.templates": "Шаблоны",
  "settings.escalation": "Правила эскалации",
  "settings.audit": "Журнал действий",
  "login.title": "Войдите во входящие вашей команды.",
  "login.email": "Эл. почта",
  "login.password": "Пароль",
  "login.submit": "Войти",
  "login.pending": "Входим…",
  "inbox.views": "Представления",
  "inbox.view.waiting": "Ждут ответа",
  "inbox.view.mine": "Мои",
  "inbox.view.unassigned": "Без исполнителя",
  "inbox.view.pending": "В ожидании",
  "inbox.view.snoozed": "Отложенные",
  "inbox.view.resolved": "Решённые",
  "inbox.view.noise": "Шум",
  "inbox.view.escalated": "Эскалированные",
  "inbox.view.all": "Все открытые",
  "inbox.empty": "Здесь пусто. Новые обращения появятся по мере поступления.",
  "inbox.pick": "Выберите обращение слева или нажмите j / k и Enter.",
  "inbox.search": "Поиск по сообщениям",
  "conversation.assignToMe": "Взять себе",
  "conversation.resolve": "Решено",
  "conversation.pending": "В ожидании",
  "conversation.markNoise": "Это шум",
  "conversation.hide": "Скрыть на платформе…",
  "conversation.block": "Заблокировать автора",
  "conversation.unblock": "Разблокировать автора",
  "composer.public": "Публичный ответ",
  "composer.private": "Личное сообщение",
  "composer.note": "Внутренняя заметка",
  "composer.send": "Отправить",
  "sla.on_track": "в срок",
  "sla.at_risk": "под угрозой",
  "sla.breached": "просрочено",
  "sla.met": "выполнено",
  "sla.missed": "не выполнено",
};

export const LOCALES = ["en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ru };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale] ?? en;
  return (key, vars) => {
    const text = dictionary[key] ?? en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}

/** The best supported locale of an Accept-Language header (for pages before sign-in). */
export function localeFromHeader(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase();
    if (tag.startsWith("ru")) return "ru";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
