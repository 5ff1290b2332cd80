// Texts of team invitations, sign-in backoff and bounded ranges (merged into every catalogue).
export const securityEn = {
  "team.invited": "Invitation for {email} saved. If they have no Replyhour account yet, this one-time password signs them in (shown once); with an account, they accept on their account page:",
  "team.invitations": "Invitations waiting for an answer",
  "team.invitedAt": "invited {at}",
  "team.withdraw": "Withdraw",
  "team.withdrawn": "Invitation withdrawn.",
  "account.invitations": "Invitations",
  "account.invitation": "{brand} invites you to join as {role}.",
  "account.invitedBy": "From {name}.",
  "account.accept": "Accept",
  "account.decline": "Decline",
  "errors.conflict.member": "This person is already a member of the brand: change their role in the list.",
  "errors.forbidden.user.invite": "Brand admins invite people; they join by accepting.",
  "errors.bad_request.range": "A range spans at most 366 days; choose a shorter one.",
  "errors.bad_request.calendar.sparse": "The calendar is open too little for this target: a request would be due more than a year later.",
} as const;

type Texts = Record<keyof typeof securityEn, string>;

export const securityRu: Texts = {
  "team.invited": "Приглашение для {email} сохранено. Если у этого человека ещё нет учётной записи Replyhour, он войдёт с этим одноразовым паролем (показывается один раз); с учётной записью он примет приглашение на странице своего аккаунта:",
  "team.invitations": "Приглашения, ожидающие ответа",
  "team.invitedAt": "приглашение от {at}",
  "team.withdraw": "Отозвать",
  "team.withdrawn": "Приглашение отозвано.",
  "account.invitations": "Приглашения",
  "account.invitation": "{brand} приглашает вас с ролью «{role}».",
  "account.invitedBy": "От: {name}.",
  "account.accept": "Принять",
  "account.decline": "Отклонить",
  "errors.conflict.member": "Этот человек уже в бренде: измените его роль в списке.",
  "errors.forbidden.user.invite": "Администраторы бренда приглашают людей; те присоединяются, приняв приглашение.",
  "errors.bad_request.range": "Диапазон — не больше 366 дней; выберите короче.",
  "errors.bad_request.calendar.sparse": "Календарь открыт слишком мало для этой цели: запрос пришлось бы ждать больше года.",
};

export const securityBg: Texts = {
  "team.invited": "Поканата за {email} е записана. Ако човекът още няма профил в Replyhour, влиза с тази еднократна парола (показва се веднъж); с профил приема поканата на страницата на профила си:",
  "team.invitations": "Покани, които чакат отговор",
  "team.invitedAt": "поканен {at}",
  "team.withdraw": "Оттегли",
  "team.withdrawn": "Поканата е оттеглена.",
  "account.invitations": "Покани",
  "account.invitation": "{brand} ви кани като {role}.",
  "account.invitedBy": "От {name}.",
  "account.accept": "Приеми",
  "account.decline": "Откажи",
  "errors.conflict.member": "Този човек вече е член на марката: променете ролята му в списъка.",
  "errors.forbidden.user.invite": "Администраторите на марка канят хора; те се присъединяват, като приемат.",
  "errors.bad_request.range": "Периодът е най-много 366 дни; изберете по-кратък.",
  "errors.bad_request.calendar.sparse": "Календарът е отворен твърде малко за тази цел: заявката би била в срок след повече от година.",
};

export const securitySq: Texts = {
  "team.invited": "Ftesa për {email} u ruajt. Nëse nuk ka ende llogari në Replyhour, hyn me këtë fjalëkalim njëpërdorimësh (shfaqet një herë); me llogari, e pranon ftesën në faqen e llogarisë së vet:",
  "team.invitations": "Ftesa që presin përgjigje",
  "team.invitedAt": "ftuar më {at}",
  "team.withdraw": "Tërhiq",
  "team.withdrawn": "Ftesa u tërhoq.",
  "account.invitations": "Ftesa",
  "account.invitation": "{brand} ju fton si {role}.",
  "account.invitedBy": "Nga {name}.",
  "account.accept": "Prano",
  "account.decline": "Refuzo",
  "errors.conflict.member": "Ky person është tashmë anëtar i markës: ndryshojani rolin në listë.",
  "errors.forbidden.user.invite": "Administratorët e markës ftojnë njerëz; ata bashkohen duke pranuar.",
  "errors.bad_request.range": "Një interval zgjat më së shumti 366 ditë; zgjidhni një më të shkurtër.",
  "errors.bad_request.calendar.sparse": "Kalendari është i hapur shumë pak për këtë objektiv: një kërkesë do të skadonte pas më shumë se një viti.",
};
