// Texts of the phone layout, the header menu and the shared UI kit.
export const uiEn = {
  "inbox.backToList": "Back to {view}",
  "header.menu": "Menu",
  "header.closeMenu": "Close menu",
  "header.theme": "Theme",
  "header.theme.system": "As the system",
  "header.theme.light": "Light",
  "header.theme.dark": "Dark",
  "conversation.platformLink": "Open on {channel}",
  "conversation.customer": "Customer",
} as const;

export const uiRu: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Назад: {view}",
  "header.menu": "Меню",
  "header.closeMenu": "Закрыть меню",
  "header.theme": "Тема",
  "header.theme.system": "Как в системе",
  "header.theme.light": "Светлая",
  "header.theme.dark": "Тёмная",
  "conversation.platformLink": "Открыть в {channel}",
  "conversation.customer": "Клиент",
};

export const uiBg: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Назад към „{view}“",
  "header.menu": "Меню",
  "header.closeMenu": "Затвори менюто",
  "header.theme": "Тема",
  "header.theme.system": "Като системата",
  "header.theme.light": "Светла",
  "header.theme.dark": "Тъмна",
  "conversation.platformLink": "Отвори в {channel}",
  "conversation.customer": "Клиент",
};

export const uiSq: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Kthehu te „{view}”",
  "header.menu": "Menyja",
  "header.closeMenu": "Mbyll menynë",
  "header.theme": "Tema",
  "header.theme.system": "Si sistemi",
  "header.theme.light": "E çelët",
  "header.theme.dark": "E errët",
  "conversation.platformLink": "Hape në {channel}",
  "conversation.customer": "Klienti",
};
