// Hand-written thread material, per language (written for Replyhour, no third-party text).
// Kinds: greet (opens a private chat), follow ("???" after one's own request), polite (a
// complaint without complaint words), sarcasm (a complaint dressed as praise), between (a question
// to another person, not to the brand), metoo (a "same here" reply), idiom (praise with a
// negation), wish (plans and wishes, noise), scam (giveaway and phishing spam), answer (a fan's
// answer to the brand post's question), post (the brand's post), mix (transliteration and
// code-switching, "Q|" request or "H|" noise). Slots: {f} a friend's handle, {b} the brand's
// handle, {id} an order number, {n} a small count.
export type Phrases = Record<
  "greet" | "follow" | "polite" | "sarcasm" | "between" | "metoo" | "idiom" | "wish" | "scam" | "answer" | "post" | "mix",
  string[]
>;

export const en: Phrases = {
  greet: ["Hi", "Hello there", "hey, quick question", "Good morning!", "hi, are you there?"],
  follow: ["???", "any news?", "hello??", "still waiting for an answer", "anyone?"],
  polite: [
    "Hello, I ordered on Monday and the parcel has not arrived yet, could you have a look?",
    "Hi, I was charged {n} times for one coffee this morning, order {id}",
    "Good afternoon, the app logs me out every time I open my statement",
    "hi, my seat was changed without notice on my booking {id}, I had paid for it",
    "Hello, the refund you promised two weeks ago is not on my card yet",
  ],
  sarcasm: [
    "great, another hour on hold. love it",
    "thanks {b} for losing my bag again, really impressive",
    "wow, the 5th delay this month, you never disappoint",
    "amazing service, my order vanished into thin air 👏",
  ],
  between: [
    "{f} coffee tomorrow at the mall?",
    "{f} did you get yours already?",
    "{f} is this the one you told me about?",
    "{f} what time are we meeting?",
    "{f} you coming on saturday?",
  ],
  metoo: ["same here", "me too 😂", "haha same", "happened to me too, sadly", "agree 👆", "this!!"],
  idiom: [
    "can't complain, best latte in town",
    "not bad at all, I'll be back",
    "couldn't be happier with the new card",
    "no complaints here, smooth flight",
    "never had a bad cup here",
  ],
  wish: [
    "Can't wait for our honeymoon in London",
    "can't wait for the weekend!! ☀️",
    "counting the days until my trip to Rome",
    "one day I'll fly business class 😂",
  ],
  scam: [
    "Congratulations! You have been selected for a free iPhone 15, claim it here: {url}",
    "you won a $500 gift card, click the link to confirm {url}",
    "I made $3000 this week trading crypto, DM me to learn how",
    "your account will be suspended, verify now {url}",
  ],
  answer: ["the caramel one for sure", "pumpkin spice!!", "definitely Lisbon", "the blue one 😍", "both 😂", "oat milk flat white"],
  post: [
    "Our autumn menu is here! Which drink are you trying first?",
    "GIVEAWAY 🎁 Tag a friend to win two tickets to anywhere we fly",
    "Where should our next route go? Tell us in the comments",
    "New card design just dropped. Thoughts?",
    "Happy Friday! What are your weekend plans?",
  ],
  mix: ["Q|hola, my order still not here, any update?", "H|ahah this is so bueno", "Q|guten Tag, my card is blocked, what can I do?"],
};

export const ru: Phrases = {
  greet: ["Здравствуйте", "Добрый день!", "привет", "Здравствуйте, можно вопрос?", "алло, есть кто?"],
  follow: ["???", "ну что там?", "ответьте пожалуйста", "есть новости?", "ау"],
  polite: [
    "Здравствуйте, заказ {id} оформлен в понедельник, а до сих пор не пришёл. Посмотрите, пожалуйста",
    "Добрый день, с карты списали дважды за один кофе",
    "Здравствуйте, приложение не открывает выписку, подскажите, что сделать",
    "добрый вечер, деньги за отменённый рейс так и не вернулись",
    "Здравствуйте, мне поменяли место без предупреждения, а я за него платил",
  ],
  sarcasm: [
    "спасибо, что опять потеряли мой багаж, очень профессионально",
    "отличный сервис, час на линии и тишина 👏",
    "ну конечно, пятая задержка за месяц, стабильность)))",
    "супер, деньги списали, а заказа нет. браво",
  ],
  between: [
    "{f} завтра кофе в центре?",
    "{f} ты уже получила свой?",
    "{f} это тот, про который ты говорила?",
    "{f} во сколько встречаемся?",
    "{f} пойдёшь в субботу?",
  ],
  metoo: ["у меня так же", "тоже 😂", "аналогично", "плюсую", "со мной такое тоже было, увы", "согласна 👆"],
  idiom: [
    "не могу не похвалить, лучший латте",
    "неплохо, совсем неплохо",
    "ни разу не пожалела, что открыла у вас карту",
    "никаких претензий, долетели отлично",
    "не передать словами, как вкусно",
  ],
  wish: ["скорее бы наш медовый месяц в Лондоне", "жду не дождусь выходных ☀️", "считаю дни до поездки в Сочи", "когда-нибудь полечу бизнесом 😂"],
  scam: [
    "Поздравляем! Вы выиграли iPhone 15, заберите приз по ссылке {url}",
    "заработок от 5000 в день без вложений, пиши в личку",
    "ваша карта заблокирована, подтвердите данные {url}",
    "раздаю 1000 рублей каждому подписчику, переходи {url}",
  ],
  answer: ["карамельный конечно", "тыквенный!!", "однозначно в Казань", "синий 😍", "оба 😂", "раф на овсяном"],
  post: [
    "Осеннее меню уже в кофейнях! Что попробуете первым?",
    "РОЗЫГРЫШ 🎁 Отметьте друга и выиграйте два билета",
    "Куда открыть новый рейс? Пишите в комментариях",
    "Новый дизайн карты. Как вам?",
    "Пятница! Какие планы на выходные?",
  ],
  mix: [
    "Q|zdravstvujte, gde moi zakaz? uzhe nedelyu zhdu",
    "Q|privet, kak vernut dengi za bilet?",
    "H|spasibo bolshoe, vse super)))",
    "H|kruto, zhdu ne dozhdus",
    "Q|добрый день, мой order {id} не пришёл, help please",
  ],
};

export const uk: Phrases = {
  greet: ["Добрий день", "Вітаю!", "привіт", "Доброго дня, можна питання?", "є хтось?"],
  follow: ["???", "ну що там?", "відповідайте будь ласка", "є новини?", "ау"],
  polite: [
    "Добрий день, замовлення {id} оформила в понеділок, а його досі немає. Перевірте, будь ласка",
    "Вітаю, з картки зняли двічі за одну каву",
    "Доброго дня, застосунок не відкриває виписку, що робити?",
    "добрий вечір, гроші за скасований рейс так і не повернули",
  ],
  sarcasm: [
    "дякую, що знову загубили мій багаж, дуже професійно",
    "чудовий сервіс, година на лінії і тиша 👏",
    "ну звісно, п'ята затримка за місяць, стабільність)))",
  ],
  between: ["{f} завтра кава в центрі?", "{f} ти вже отримала свою?", "{f} о котрій зустрічаємось?", "{f} підеш у суботу?"],
  metoo: ["у мене так само", "теж 😂", "аналогічно", "зі мною таке теж було", "згодна 👆"],
  idiom: ["не можу не похвалити, найкраще лате", "непогано, зовсім непогано", "жодного разу не пошкодувала", "жодних претензій, долетіли чудово"],
  wish: ["швидше б наш медовий місяць у Лондоні", "чекаю не дочекаюсь вихідних ☀️", "рахую дні до поїздки до Львова"],
  scam: ["Вітаємо! Ви виграли iPhone 15, заберіть приз за посиланням {url}", "заробіток від 3000 грн на день, пиши в особисті", "вашу картку заблоковано, підтвердіть дані {url}"],
  answer: ["карамельний звісно", "гарбузовий!!", "однозначно до Львова", "синій 😍", "обидва 😂"],
  post: ["Осіннє меню вже в кав'ярнях! Що спробуєте першим?", "РОЗІГРАШ 🎁 Позначте друга і виграйте два квитки", "Куди відкрити новий рейс? Пишіть у коментарях", "Новий дизайн картки. Як вам?"],
  mix: ["Q|dobryi den, de moie zamovlennia?", "H|diakuiu, vse super", "Q|добрий день, мій order {id} досі не прийшов"],
};

export const bg: Phrases = {
  greet: ["Здравейте", "Добър ден!", "здрасти", "Здравейте, може ли въпрос?", "има ли някой?"],
  follow: ["???", "е, какво става?", "отговорете моля", "има ли новини?", "ало"],
  polite: [
    "Здравейте, поръчката {id} е направена в понеделник и още не е пристигнала. Ще проверите ли?",
    "Добър ден, от картата ми изтеглиха два пъти за едно кафе",
    "Здравейте, приложението не отваря извлечението, какво да направя?",
    "добър вечер, парите за отменения полет още не са върнати",
  ],
  sarcasm: [
    "благодаря, че пак загубихте багажа ми, много професионално",
    "страхотно обслужване, час на линията и тишина 👏",
    "разбира се, пето закъснение този месец, стабилност",
  ],
  between: ["{f} утре кафе на Mall of Sofia?", "{f} ти получи ли твоята?", "{f} в колко се виждаме?", "{f} ще дойдеш ли в събота?", "{f} утре ще ходиш ли?"],
  metoo: ["и при мен така", "и аз 😂", "същото", "и с мен се случи", "съгласна 👆"],
  idiom: ["не мога да не похваля, най-доброто лате", "никак не е зле", "нито веднъж не съжалих", "никакви оплаквания, полетът беше супер"],
  wish: ["нямам търпение за медения ни месец в Лондон", "чакам уикенда ☀️", "броя дните до почивката в Созопол"],
  scam: ["Поздравления! Спечелихте iPhone 15, вземете наградата тук {url}", "печелете 200 лв на ден от вкъщи, пишете ми", "картата ви е блокирана, потвърдете данните {url}"],
  answer: ["карамеленото разбира се", "тиквеното!!", "определено Варна", "синьото 😍", "и двете 😂"],
  post: ["Есенното меню вече е тук! Какво ще опитате първо?", "ИГРА 🎁 Отбележете приятел и спечелете два билета", "Къде да е следващата ни дестинация? Пишете в коментарите", "Нов дизайн на картата. Как ви харесва?"],
  mix: ["Q|zdraveite, kade e porachkata mi?", "H|blagodarya, vsichko e super", "Q|здравейте, моят order {id} още не е дошъл"],
};

export const sq: Phrases = {
  greet: ["Përshëndetje", "Mirëdita!", "tung", "Përshëndetje, kam një pyetje", "a ka njeri?"],
  follow: ["???", "ndonjë lajm?", "ju lutem përgjigjuni", "ende pres", "alo"],
  polite: [
    "Përshëndetje, porosia {id} u bë të hënën dhe ende nuk ka ardhur. A mund ta kontrolloni?",
    "Mirëdita, më tërhoqën para dy herë për një kafe",
    "Përshëndetje, aplikacioni nuk më hap pasqyrën, çfarë të bëj?",
    "mirëmbrëma, paratë për fluturimin e anuluar ende nuk janë kthyer",
  ],
  sarcasm: ["faleminderit që ma humbët prapë valixhen, shumë profesionale", "shërbim i shkëlqyer, një orë në linjë dhe asgjë 👏", "sigurisht, vonesa e pestë këtë muaj, bravo"],
  between: ["{f} nesër kafe në qendër?", "{f} e more ti tënden?", "{f} në sa takohemi?", "{f} vjen të shtunën?"],
  metoo: ["E njëjta gjë më ndodhi edhe mua, fatkeqësisht", "edhe mua 😂", "njësoj", "dakord 👆", "po po, e vërtetë"],
  idiom: ["s'kam çfarë të them, kafeja më e mirë", "aspak keq", "asnjëherë s'u pendova", "asnjë ankesë, fluturim i qetë"],
  wish: ["mezi pres muajin e mjaltit në Londër", "mezi pres fundjavën ☀️", "po numëroj ditët deri në pushime në Sarandë"],
  scam: ["Urime! Keni fituar një iPhone 15, merreni këtu {url}", "fito 100 euro në ditë nga shtëpia, më shkruaj", "llogaria juaj do të bllokohet, verifikoni {url}"],
  answer: ["ajo me karamel", "i pari 🙌", "patjetër Vlora", "e kaltra 😍", "të dyja 😂"],
  post: ["Menuja e vjeshtës erdhi! Çfarë do provoni së pari?", "DHURATË 🎁 Tagoni një mik dhe fitoni dy bileta", "Ku të jetë destinacioni i ri? Shkruani në komente", "Dizajni i ri i kartës. Si ju duket?"],
  mix: ["Q|pershendetje, where is my order? ende nuk ka ardhur", "H|super fare, love it"],
};

export const de: Phrases = {
  greet: ["Hallo", "Guten Tag!", "hi", "Hallo, kurze Frage", "ist da jemand?"],
  follow: ["???", "gibt es was Neues?", "hallo??", "warte immer noch auf Antwort", "jemand da?"],
  polite: [
    "Hallo, ich habe am Montag bestellt und das Paket ist noch nicht da. Könnten Sie nachsehen?",
    "Guten Tag, mir wurde ein Kaffee {n} mal abgebucht, Bestellung {id}",
    "Hallo, die App meldet mich jedes Mal ab, wenn ich den Kontoauszug öffne",
    "guten Abend, die versprochene Erstattung ist noch nicht auf meiner Karte",
  ],
  sarcasm: ["danke, dass ihr mein Gepäck schon wieder verloren habt, echt stark", "toller Service, eine Stunde Warteschleife 👏", "klar, die fünfte Verspätung diesen Monat, auf euch ist Verlass"],
  between: ["{f} morgen Kaffee in der Stadt?", "{f} hast du deins schon?", "{f} wann treffen wir uns?", "{f} kommst du am Samstag?"],
  metoo: ["bei mir genauso", "ich auch 😂", "haha, bei mir genauso", "Echt jetzt?", "same 👆", "geht mir auch so"],
  idiom: ["kann nicht meckern, bester Latte der Stadt", "gar nicht schlecht", "nie bereut, die Karte hier zu haben", "keine Beschwerden, super Flug"],
  wish: ["Schönes Wochenende euch allen! ☀️", "kann es kaum erwarten, bis wir nach London fliegen", "zähle die Tage bis zum Urlaub"],
  scam: ["Herzlichen Glückwunsch! Sie wurden für ein gratis iPhone 15 ausgewählt: {url}", "500 € am Tag von zu Hause, schreib mir", "Ihr Konto wird gesperrt, jetzt bestätigen {url}"],
  answer: ["der mit Karamell", "Kürbis!!", "auf jeden Fall Lissabon", "die blaue 😍", "beide 😂"],
  post: ["Unsere Herbstkarte ist da! Was probiert ihr zuerst?", "GEWINNSPIEL 🎁 Markiert einen Freund und gewinnt zwei Tickets", "Wohin soll die neue Route gehen? Schreibt es in die Kommentare", "Neues Kartendesign. Wie findet ihr es?"],
  mix: ["Q|hallo, my order is still not here, bitte helfen", "H|so nice, danke euch"],
};

export const fr: Phrases = {
  greet: ["Bonjour", "Bonsoir !", "salut", "Bonjour, une petite question", "il y a quelqu'un ?"],
  follow: ["???", "des nouvelles ?", "allô ??", "toujours en attente d'une réponse", "quelqu'un ?"],
  polite: [
    "Bonjour, j'ai commandé lundi et le colis n'est toujours pas arrivé, pourriez-vous regarder ?",
    "Bonjour, on m'a débité {n} fois pour un seul café, commande {id}",
    "Bonsoir, l'appli me déconnecte à chaque fois que j'ouvre mon relevé",
    "bonjour, le remboursement promis il y a deux semaines n'est pas arrivé",
  ],
  sarcasm: ["merci d'avoir encore perdu ma valise, très pro", "super service, une heure d'attente au téléphone 👏", "bien sûr, cinquième retard du mois, quelle régularité"],
  between: ["{f} café demain en ville ?", "{f} tu as reçu le tien ?", "{f} on se retrouve à quelle heure ?", "{f} tu viens samedi ?"],
  metoo: ["pareil", "moi aussi 😂", "pareil pour moi", "ça m'est arrivé aussi", "d'accord 👆"],
  idiom: ["rien à redire, meilleur latte de la ville", "pas mal du tout", "jamais déçue", "aucun souci, vol parfait"],
  wish: ["vivement notre lune de miel à Londres", "vivement le week-end ☀️", "je compte les jours avant mes vacances"],
  scam: ["Félicitations ! Vous avez gagné un iPhone 15, réclamez-le ici {url}", "gagnez 500 € par jour depuis chez vous, écrivez-moi", "votre compte sera suspendu, vérifiez maintenant {url}"],
  answer: ["celui au caramel", "potiron !!", "Lisbonne évidemment", "la bleue 😍", "les deux 😂"],
  post: ["Notre carte d'automne est arrivée ! Vous goûtez quoi en premier ?", "CONCOURS 🎁 Identifiez un ami et gagnez deux billets", "Quelle prochaine destination ? Dites-le en commentaire", "Nouveau design de carte. Vous en pensez quoi ?"],
  mix: ["Q|bonjour, my order is still not here, vous pouvez vérifier ?", "H|trop cool, love it"],
};
