// Texts of the installed app: the offline page and notice, push notifications and their settings on the account page.
export const pushEn = {
  "offline.title": "You are offline",
  "offline.body": "Replyhour needs the network to show conversations: nothing here is kept on the device, so nothing old can pass for live. Try again when you are connected.",
  "offline.retry": "Try again",
  "offline.notice": "Offline since {at}: this page is not live and changes are not sent. Reconnect to continue.",
} as const;

export const pushRu: Record<keyof typeof pushEn, string> = {
  "offline.title": "Нет подключения к сети",
  "offline.body": "Replyhour показывает разговоры только из сети: на устройстве ничего не хранится, поэтому старое не выдаётся за текущее. Попробуйте снова, когда появится связь.",
  "offline.retry": "Попробовать снова",
  "offline.notice": "Нет сети с {at}: страница не обновляется, изменения не отправляются. Подключитесь, чтобы продолжить.",
};

export const pushBg: Record<keyof typeof pushEn, string> = {
  "offline.title": "Няма връзка с мрежата",
  "offline.body": "Replyhour показва разговорите само от мрежата: на устройството нищо не се пази, затова нищо старо не минава за актуално. Опитайте отново, когато имате връзка.",
  "offline.retry": "Опитай отново",
  "offline.notice": "Без връзка от {at}: страницата не се обновява и промените не се изпращат. Свържете се, за да продължите.",
};

export const pushSq: Record<keyof typeof pushEn, string> = {
  "offline.title": "Jeni jashtë linje",
  "offline.body": "Replyhour i shfaq bisedat vetëm nga rrjeti: asgjë nuk ruhet në pajisje, ndaj asgjë e vjetër nuk kalon si e drejtpërdrejtë. Provoni përsëri kur të jeni të lidhur.",
  "offline.retry": "Provo përsëri",
  "offline.notice": "Jashtë linje që nga {at}: kjo faqe nuk përditësohet dhe ndryshimet nuk dërgohen. Lidhuni për të vazhduar.",
};
