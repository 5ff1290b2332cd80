// Second round of hand-written thread material (written for Replyhour, no third-party text), for
// the kinds the first model was most wrong about: sarcasm and polite complaints it missed, and
// wishes, "me too"s, questions to friends, questions to the crowd, idioms with a negation and
// scams it took for requests. Same kinds and slots as phrases-a.ts, plus `crowd` (a question to
// everyone reading, not to the brand: noise). Training only: these sentences never enter the
// held-out threads, which stay the same file so figures remain comparable across models.
import type { Phrases } from "./phrases-a";

export type MorePhrases = Partial<Record<Exclude<keyof Phrases, "post" | "greet" | "follow" | "answer"> | "crowd", string[]>>;

export const en: MorePhrases = {
  sarcasm: [
    "love how the app crashes exactly when I try to pay. perfect timing 🙃",
    "oh great, 'express delivery' and it's day 9. so express",
    "charged twice for one sandwich, how generous of me 👏",
    "10/10 would wait 50 minutes for a cold latte again",
    "thanks for the surprise fee, exactly what I wanted this month",
    "wow, third declined payment this week, you're really on a roll",
    "so glad I paid for priority boarding to stand in the rain for an hour",
  ],
  polite: [
    "Hi, I sent the jacket back on the 3rd and the money hasn't reached me yet, could you check?",
    "Hello, the tracking for order {id} has said 'in transit' since last Tuesday",
    "Good evening, the voucher code from your email isn't accepted at checkout",
    "Hi there, I paid for the extra bag but it doesn't show on my boarding pass",
    "Morning, my direct debit went out twice this month, would you mind looking into it?",
  ],
  wish: [
    "two more sleeps and I'm in Lisbon ✈️",
    "bags packed, see you soon Barcelona 🌞",
    "next summer Japan, that's a promise to myself",
    "dreaming of a window seat above the clouds right now",
    "hope this Friday never ends {e}",
    "all I want for Christmas is a long weekend in Paris 🎄",
  ],
  metoo: ["literally me 😂", "same energy", "+1", "relatable lol", "omg yes same"],
  between: [
    "{f} should we get this for mum's birthday?",
    "{f} you still owe me a coffee btw 😏",
    "{f} wanna split one after the gym?",
    "{f} which one did you have last time?",
    "{f} free on thursday after work?",
  ],
  crowd: [
    "who else is flying out this weekend? 🙋",
    "anyone tried the pistachio one yet?",
    "raise your hand if you've been coming here since the first shop 🙋‍♀️",
    "how many of you drink it without sugar?",
    "caramel or hazelnut, which team are you all on? 😂",
  ],
  idiom: [
    "not gonna lie, that cinnamon roll is unreal",
    "no way I'm ever going back to my old bank",
    "can't stop ordering the iced mocha {e}",
    "nothing beats this view from row 12",
    "never disappoints ☕",
    "not a single thing to fault, lovely crew",
  ],
  scam: [
    "Hello, this is the official support team. Send us your card number and CVV in DM to unlock your account",
    "Your parcel is held at customs, pay the 1.99 fee here {url}",
    "earn $400 a day working from your phone, no experience needed 💸 link in bio",
    "buy 10k real followers for $5, check my profile",
    "You are our lucky winner! just cover the shipping to get your prize {url}",
  ],
  mix: ["Q|oye, my refund todavía no llega, can someone check?", "H|love this café, es mi favorito 😍", "Q|yo, the app says error again, qué hago?"],
};

export const ru: MorePhrases = {
  sarcasm: [
    "обожаю ваше приложение: вылетает ровно в момент оплаты. гениально",
    "экспресс-доставка, девятый день пошёл. очень экспресс 🙃",
    "спасибо за сюрприз в виде комиссии, всю жизнь мечтала",
    "списали дважды за один сэндвич, какая щедрость с моей стороны 👏",
    "третий отказ по карте за неделю, так держать",
    "прекрасно, оплатил приоритетную посадку, чтобы час стоять под дождём",
  ],
  polite: [
    "Здравствуйте, вернула куртку третьего числа, а деньги так и не пришли. Проверьте, пожалуйста",
    "Добрый день, по заказу {id} статус «в пути» с прошлого вторника",
    "Здравствуйте, промокод из рассылки не принимается при оформлении",
    "Добрый вечер, я оплатил дополнительный багаж, но в посадочном его нет",
    "здравствуйте, автоплатёж в этом месяце прошёл два раза, посмотрите, пожалуйста",
  ],
  wish: [
    "ещё две ночи и я в Питере ✈️",
    "чемодан собран, Стамбул, жди 🌞",
    "следующим летом Япония, обещаю себе",
    "мечтаю о месте у окна над облаками",
    "пусть эта пятница никогда не кончается {e}",
    "на Новый год хочу только длинные выходные в Праге 🎄",
  ],
  metoo: ["это прям я 😂", "жиза", "+1", "ахах, та же история", "ну да, у всех так"],
  between: [
    "{f} возьмём такой маме на день рождения?",
    "{f} ты мне, кстати, кофе должна 😏",
    "{f} поделим один после зала?",
    "{f} а ты какой в прошлый раз брала?",
    "{f} в четверг после работы свободна?",
  ],
  crowd: [
    "кто ещё летит на этих выходных? 🙋",
    "кто-нибудь уже пробовал фисташковый?",
    "поднимите руку, кто ходит сюда с самой первой кофейни 🙋‍♀️",
    "а вы пьёте с сахаром или без?",
    "кто за карамель, а кто за фундук? 😂",
  ],
  idiom: [
    "не буду врать, булочка с корицей — огонь",
    "ни за что не вернусь в свой старый банк",
    "не могу перестать заказывать айс-моку {e}",
    "ничто не сравнится с видом из иллюминатора",
    "ни разу не подвели ☕",
    "не к чему придраться, экипаж чудесный",
  ],
  scam: [
    "Здравствуйте, это официальная служба поддержки. Пришлите в личку номер карты и CVV для разблокировки",
    "ваша посылка задержана на таможне, оплатите сбор 99 ₽ тут {url}",
    "удалённая работа, от 4000 в день с телефона, опыт не нужен 💸",
    "накрутка подписчиков, 1000 живых за 199 ₽, смотри профиль",
    "Вы наш победитель! Оплатите только доставку приза {url}",
  ],
  mix: [
    "Q|dobryi den, karta ne prohodit uzhe vtoroi den, chto delat?",
    "Q|zakaz {id} do sih por ne prishel, pomogite pozhaluista",
    "H|obozhayu vash kofe, luchshii v gorode",
    "H|aaa kakaya krasota, hochu tuda",
    "Q|привет, у меня refund завис, можете чекнуть?",
    "H|это просто vibe, love it 😍",
  ],
};

export const uk: MorePhrases = {
  sarcasm: [
    "обожнюю ваш застосунок: вилітає саме тоді, коли я плачу. геніально",
    "експрес-доставка, вже дев'ятий день. дуже експрес 🙃",
    "дякую за сюрприз у вигляді комісії, все життя мріяла",
    "зняли двічі за один сендвіч, яка щедрість 👏",
    "третя відмова по картці за тиждень, так тримати",
  ],
  polite: [
    "Добрий день, повернула куртку третього числа, а гроші досі не надійшли. Перевірте, будь ласка",
    "Вітаю, замовлення {id} має статус «в дорозі» з минулого вівторка",
    "Доброго дня, промокод з розсилки не приймається при оформленні",
    "Добрий вечір, я доплатив за багаж, але в посадковому його немає",
  ],
  wish: [
    "ще дві ночі і я в Барселоні ✈️",
    "валіза зібрана, Карпати, чекайте 🌞",
    "наступного літа Японія, обіцяю собі",
    "мрію про місце біля вікна над хмарами",
    "хай ця п'ятниця ніколи не закінчується {e}",
  ],
  metoo: ["це прям я 😂", "жиза", "+1", "ахах, та сама історія"],
  between: [
    "{f} візьмемо таку мамі на день народження?",
    "{f} ти мені, до речі, каву винна 😏",
    "{f} поділимо одну після залу?",
    "{f} а ти яку минулого разу брала?",
    "{f} у четвер після роботи вільна?",
  ],
  crowd: [
    "хто ще летить на цих вихідних? 🙋",
    "хтось уже куштував фісташкову?",
    "підніміть руку, хто ходить сюди ще з першої кав'ярні 🙋‍♀️",
    "а ви п'єте з цукром чи без?",
  ],
  idiom: [
    "не буду брехати, булочка з корицею — вогонь",
    "нізащо не повернуся до свого старого банку",
    "не можу перестати замовляти айс-моку {e}",
    "ніщо не зрівняється з видом з ілюмінатора",
    "жодного разу не підвели ☕",
  ],
  scam: [
    "Вітаємо, це офіційна підтримка. Надішліть в особисті номер картки та CVV для розблокування",
    "ваша посилка затримана на митниці, сплатіть збір тут {url}",
    "робота з телефону, від 2000 грн на день, досвід не потрібен 💸",
    "Ви наш переможець! Оплатіть лише доставку призу {url}",
  ],
  mix: [
    "Q|vitayu, kartka ne prokhodyt vzhe druhyi den, shcho robyty?",
    "H|duzhe smachno, dyakuyu",
    "Q|привіт, мій refund завис, можете чекнути?",
    "H|це просто vibe, love it 😍",
  ],
};

export const bg: MorePhrases = {
  sarcasm: [
    "обожавам приложението ви: забива точно когато плащам. гениално",
    "експресна доставка, девети ден вече. много експресно 🙃",
    "благодаря за изненадващата такса, точно това ми трябваше",
    "таксуваха ме два пъти за един сандвич, колко щедро от моя страна 👏",
    "трети отказ на картата тази седмица, браво, продължавайте така",
  ],
  polite: [
    "Здравейте, върнах якето на 3-ти, а парите още не са ми възстановени. Ще проверите ли?",
    "Добър ден, поръчка {id} е със статус „в път“ от миналия вторник",
    "Здравейте, кодът за отстъпка от имейла ви не се приема при плащане",
    "Добър вечер, платих допълнителен багаж, но не се вижда на бордната карта",
  ],
  wish: [
    "още две нощи и съм в Барселона ✈️",
    "куфарът е готов, морето ме чака 🌞",
    "догодина Япония, обещах си",
    "мечтая за място до прозореца над облаците",
    "дано този петък никога не свършва {e}",
  ],
  metoo: ["това съм аз 😂", "+1", "хаха, същата история", "абсолютно същото"],
  between: [
    "{f} да вземем ли такава за рождения ден на мама?",
    "{f} между другото, още ми дължиш кафе 😏",
    "{f} ще си поделим ли едно след фитнеса?",
    "{f} ти коя взе миналия път?",
    "{f} свободна ли си в четвъртък след работа?",
  ],
  crowd: [
    "кой друг лети този уикенд? 🙋",
    "някой опита ли вече шамфъстъковото?",
    "вдигнете ръка, ако идвате тук от първото кафене 🙋‍♀️",
    "вие със захар ли го пиете или без?",
  ],
  idiom: [
    "няма да лъжа, канелената кифла е уникална",
    "за нищо на света не се връщам в старата си банка",
    "не мога да спра да поръчвам студената мока {e}",
    "нищо не може да се сравни с гледката от илюминатора",
    "никога не разочароват ☕",
  ],
  scam: [
    "Здравейте, това е официалната поддръжка. Изпратете ни на лично номера на картата и CVV за отключване",
    "пратката ви е задържана в митницата, платете таксата тук {url}",
    "работа от телефона, по 150 лв на ден, без опит 💸",
    "Вие сте нашият победител! Платете само доставката на наградата {url}",
  ],
  mix: [
    "Q|dobar den, kartata mi ne minava veche vtori den, kakvo da pravya?",
    "H|mnogo e vkusno, blagodarya",
    "Q|здравейте, моят refund още го няма, може ли да проверите?",
    "H|това е просто vibe, love it 😍",
  ],
};

export const sq: MorePhrases = {
  sarcasm: [
    "e adhuroj aplikacionin tuaj: bllokohet pikërisht kur paguaj. gjeniale",
    "dërgesë ekspres, dita e nëntë tashmë. shumë ekspres 🙃",
    "faleminderit për tarifën surprizë, pikërisht këtë doja",
    "më tërhoqët dy herë para për një sanduiç, sa bujar jam 👏",
    "refuzimi i tretë i kartës këtë javë, bravo, vazhdoni kështu",
  ],
  polite: [
    "Përshëndetje, e ktheva xhaketën më 3 dhe paratë ende nuk më kanë ardhur. A mund të kontrolloni?",
    "Mirëdita, porosia {id} është 'në rrugë' që nga e marta e kaluar",
    "Përshëndetje, kodi i zbritjes nga emaili juaj nuk pranohet në pagesë",
    "Mirëmbrëma, pagova bagazh shtesë por nuk shfaqet në kartën e imbarkimit",
  ],
  wish: [
    "edhe dy net dhe jam në Romë ✈️",
    "valixhja gati, deti po më pret 🌞",
    "vitin tjetër Japoni, ia premtova vetes",
    "ëndërroj një vend te dritarja mbi re",
    "shpresoj që kjo e premte të mos mbarojë kurrë {e}",
  ],
  metoo: ["fiks unë 😂", "+1", "haha, e njëjta histori", "tamam kështu"],
  between: [
    "{f} ta marrim këtë për ditëlindjen e mamit?",
    "{f} meqë ra fjala, më ke borxh një kafe 😏",
    "{f} e ndajmë një pas palestrës?",
    "{f} cilën more herën e kaluar?",
    "{f} je e lirë të enjten pas punës?",
  ],
  crowd: [
    "kush tjetër udhëton këtë fundjavë? 🙋",
    "e ka provuar dikush atë me fistikë?",
    "ngrini dorën nëse vini këtu që nga kafeneja e parë 🙋‍♀️",
    "ju e pini me sheqer apo pa?",
  ],
  idiom: [
    "s'po gënjej, kroasanti me kanellë është i jashtëzakonshëm",
    "në asnjë mënyrë s'kthehem te banka ime e vjetër",
    "s'mund të ndaloj së porosituri mokën e ftohtë {e}",
    "asgjë s'krahasohet me pamjen nga dritarja e avionit",
    "nuk zhgënjejnë kurrë ☕",
  ],
  scam: [
    "Përshëndetje, ky është mbështetja zyrtare. Na dërgoni në mesazh numrin e kartës dhe CVV për zhbllokim",
    "pakoja juaj është mbajtur në doganë, paguani tarifën këtu {url}",
    "punë nga telefoni, 80 euro në ditë, pa përvojë 💸",
    "Ju jeni fituesi ynë! Paguani vetëm transportin e çmimit {url}",
  ],
  mix: [
    "Q|pershendetje, karta s'po kalon qe dje, what should I do?",
    "H|so good, faleminderit shume 😍",
    "Q|hello, porosia {id} ende s'ka ardhur, can you check?",
  ],
};

export const de: MorePhrases = {
  sarcasm: [
    "ich liebe eure App: stürzt genau beim Bezahlen ab. genial 🙃",
    "Expresslieferung, Tag 9. sehr express",
    "danke für die Überraschungsgebühr, genau das hab ich mir gewünscht",
    "zweimal abgebucht für ein Sandwich, wie großzügig von mir 👏",
    "dritte abgelehnte Zahlung diese Woche, weiter so",
  ],
  polite: [
    "Hallo, ich habe die Jacke am 3. zurückgeschickt und das Geld ist noch nicht da. Könnten Sie nachsehen?",
    "Guten Tag, Bestellung {id} steht seit letztem Dienstag auf 'unterwegs'",
    "Hallo, der Gutscheincode aus Ihrer Mail wird an der Kasse nicht angenommen",
    "Guten Abend, ich habe ein Zusatzgepäck bezahlt, es steht aber nicht auf der Bordkarte",
  ],
  wish: [
    "noch zweimal schlafen, dann bin ich in Lissabon ✈️",
    "Koffer gepackt, Mallorca wir kommen 🌞",
    "nächsten Sommer Japan, das hab ich mir versprochen",
    "träume gerade von einem Fensterplatz über den Wolken",
    "möge dieser Freitag nie enden {e}",
  ],
  metoo: ["das bin ich 😂", "+1", "haha, kenn ich", "same same"],
  between: [
    "{f} holen wir das für Mamas Geburtstag?",
    "{f} du schuldest mir übrigens noch nen Kaffee 😏",
    "{f} teilen wir uns einen nach dem Training?",
    "{f} welchen hattest du letztes Mal?",
    "{f} hast du Donnerstag nach der Arbeit Zeit?",
  ],
  crowd: [
    "wer fliegt noch dieses Wochenende? 🙋",
    "hat jemand schon den mit Pistazie probiert?",
    "Hand hoch, wer schon seit dem ersten Laden hier ist 🙋‍♀️",
    "trinkt ihr den mit oder ohne Zucker?",
  ],
  idiom: [
    "ehrlich gesagt, die Zimtschnecke ist der Wahnsinn",
    "nie im Leben gehe ich zurück zu meiner alten Bank",
    "ich komm vom Eis-Mokka nicht mehr los {e}",
    "nichts geht über den Blick aus dem Flugzeugfenster",
    "enttäuscht nie ☕",
  ],
  scam: [
    "Hallo, hier ist der offizielle Support. Senden Sie uns Kartennummer und CVV per DM, um Ihr Konto zu entsperren",
    "Ihr Paket liegt beim Zoll, zahlen Sie die Gebühr hier {url}",
    "400 € am Tag mit dem Handy verdienen, keine Erfahrung nötig 💸 Link in Bio",
    "Sie sind unser Gewinner! Zahlen Sie nur den Versand {url}",
  ],
  mix: [
    "Q|hi, mein refund ist immer noch nicht da, can you check?",
    "H|einfach nur vibes, love it 😍",
    "Q|hallo, die App zeigt wieder error, what should I do?",
  ],
};

export const fr: MorePhrases = {
  sarcasm: [
    "j'adore votre appli : elle plante pile au moment de payer. génial 🙃",
    "livraison express, 9e jour. très express",
    "merci pour les frais surprise, c'est exactement ce que je voulais",
    "débitée deux fois pour un sandwich, quelle générosité de ma part 👏",
    "troisième paiement refusé cette semaine, continuez comme ça",
  ],
  polite: [
    "Bonjour, j'ai renvoyé la veste le 3 et je n'ai toujours pas été remboursée, pourriez-vous vérifier ?",
    "Bonjour, la commande {id} est « en cours d'acheminement » depuis mardi dernier",
    "Bonsoir, le code promo de votre mail n'est pas accepté au paiement",
    "Bonjour, j'ai payé un bagage en plus mais il n'apparaît pas sur ma carte d'embarquement",
  ],
  wish: [
    "plus que deux nuits et je suis à Lisbonne ✈️",
    "valise bouclée, à nous la Corse 🌞",
    "l'été prochain le Japon, c'est promis",
    "je rêve d'un hublot au-dessus des nuages",
    "pourvu que ce vendredi ne finisse jamais {e}",
  ],
  metoo: ["c'est moi ça 😂", "+1", "mdr pareil", "tellement vrai"],
  between: [
    "{f} on prend ça pour l'anniv de maman ?",
    "{f} au fait tu me dois toujours un café 😏",
    "{f} on en partage un après la salle ?",
    "{f} t'avais pris lequel la dernière fois ?",
    "{f} t'es dispo jeudi après le taf ?",
  ],
  crowd: [
    "qui d'autre part ce week-end ? 🙋",
    "quelqu'un a déjà goûté celui à la pistache ?",
    "levez la main si vous venez ici depuis la toute première boutique 🙋‍♀️",
    "vous le buvez avec ou sans sucre ?",
  ],
  idiom: [
    "je vais pas mentir, le roulé à la cannelle est une tuerie",
    "jamais de la vie je retourne à mon ancienne banque",
    "impossible d'arrêter le moka glacé {e}",
    "rien ne vaut la vue depuis le hublot",
    "jamais déçu ☕",
  ],
  scam: [
    "Bonjour, ici le service client officiel. Envoyez-nous votre numéro de carte et le CVV en MP pour débloquer votre compte",
    "votre colis est bloqué en douane, réglez les frais ici {url}",
    "gagnez 300 € par jour avec votre téléphone, sans expérience 💸 lien en bio",
    "Vous êtes notre gagnant ! Payez seulement la livraison {url}",
  ],
  mix: [
    "Q|salut, mon refund est toujours pas arrivé, can you check ?",
    "H|trop de good vibes ici, love it 😍",
    "Q|bonjour, l'appli me met error encore, what do I do ?",
  ],
};
