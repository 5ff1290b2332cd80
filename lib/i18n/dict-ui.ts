// Texts of the phone layout, the header menu and the shared UI kit.
export const uiEn = {
  "inbox.backToList": "Back to {view}",
  "header.menu": "Menu",
  "header.closeMenu": "Close menu",
} as const;

export const uiRu: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Назад: {view}",
  "header.menu": "Меню",
  "header.closeMenu": "Закрыть меню",
};

export const uiBg: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Назад към „{view}“",
  "header.menu": "Меню",
  "header.closeMenu": "Затвори менюто",
};

export const uiSq: Record<keyof typeof uiEn, string> = {
  "inbox.backToList": "Kthehu te „{view}”",
  "header.menu": "Menyja",
  "header.closeMenu": "Mbyll menynë",
};
