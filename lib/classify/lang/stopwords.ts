// Frequent function words per language, written as people spell them; folded at load.
export const STOPWORDS: Record<string, string> = {
  en: "the and is are was were my your you i it this that to of for with have has not can why where when what how please thanks thank just dont don't can't cant im i'm we they be been will would get got does did at from there any hi hello help love best today again so very still an our us if or but it's doesn't didn't won't been ever never",
  de: "der die das und ist nicht ich du sie wir mein meine meinen ihr ihre ein eine einen mit für auf bei wo wann warum wie was bitte danke noch schon immer kein keine habe hat haben bin sind wird wurde zu von den dem des auch aber oder nur mal jetzt heute seit hallo hilfe gibt euch uns kann können möchte",
  fr: "le la les des du un une et est je tu vous nous il elle ce cette mon ma mes votre vos pour pas avec sur dans qui quoi où quand comment pourquoi merci bonjour svp toujours encore déjà rien mais très j'ai c'est n'est suis avez ai au aux ça ne y a été",
  es: "el los las y es un una que mi mis su por para con sin pero dónde cuándo cómo porque hola gracias todavía aún ya está estoy tengo hay muy nada nadie más ayuda favor sus ustedes usted nos del al lo qué me han he",
  it: "il lo gli di del della che non un mio mia miei sono ho hai ha abbiamo per con su dove quando come perché ancora già grazie ciao buongiorno salve sempre niente nessuno molto anche ma questo questa mi ci sul nel alla è io",
  pt: "o os as um uma meu minha meus você vocês não sim que do da dos das no na em para por com ainda já obrigado obrigada olá onde quando como porque muito também mas até estou tenho foi nada ninguém seu sua bom dia vcs pra",
  nl: "de het een en is niet ik je jij u uw mijn wij we zijn hebben heb heeft van voor met op waar wanneer waarom hoe wat nog al geen maar ook dank bedankt alstublieft aub graag hallo hoi nou echt wel er dit dat jullie",
  pl: "i w z na nie jest się to że do mnie mój moja moje mam ma jak gdzie kiedy dlaczego czy co już jeszcze dziękuję dzięki proszę bardzo ale tak nic nikt jestem może można przez tylko po dla od jak mi",
  tr: "ve bir bu da de ne neden nasıl nerede zaman için ile ben sen biz siz benim hala hiç yok var mı mi mu değil teşekkürler teşekkür sağol merhaba lütfen çok ama gibi daha kadar artık hemen gün siparişim",
  sq: "dhe është nuk për një në të se që ju jam kam ka keni ku kur pse si faleminderit përshëndetje ende akoma asgjë shumë ose por edhe këtë ky kjo im ime juaj mua sot më nga",
  ru: "и в не на я что как где когда почему мой моя мои мне меня вы вас ваш это уже ещё нет да спасибо пожалуйста здравствуйте можно нельзя очень так всё был была было будет только или но тоже у с к по за от до сих пор вам",
  uk: "і й та що як де коли чому мій моя мої мені мене ви вас ваш це вже ще ні так дякую будь ласка можна досі дуже все було буде лише або але теж у в з до по за від не на я вам",
  bg: "и в не на аз какво как къде кога защо моят моята моите ми мен вие вас ваш това вече още няма да благодаря моля може много всичко беше ще бъде само или но също с към по за от е са съм сте вам утре днес сега тук нещо някой",
};
