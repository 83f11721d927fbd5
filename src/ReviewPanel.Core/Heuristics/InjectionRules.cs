using System.Buffers;
using System.Text.RegularExpressions;

namespace ReviewPanel.Heuristics;

/// <summary>
/// The patterns of <see cref="InjectionReviewer"/>, matched on a <see cref="Skeleton"/> (lower case, diacritics and
/// look-alikes folded, whitespace collapsed). They match intent, not single trigger words: text addressed to the
/// reviewer, grader, model, AI or an automated system; text about the score, rating or grading of this document;
/// imperatives to ignore, set aside or replace instructions or guidance; and "[SYSTEM] override" style markers, in
/// English, German, French, Spanish, Portuguese, Chinese and Japanese. Each pattern needs an object that only a
/// reader-directed instruction has, so "reviews code", "scores incidents by severity", "ignores noisy alerts",
/// "system design" or "grading of data quality" stay clean.
/// </summary>
internal static partial class InjectionRules
{
    /// <summary>
    /// One pattern; <paramref name="Anchors"/> are substrings every match contains (one of them), checked first with a
    /// vectorized search so the pattern runs only on text that could match. A leading space means "at a word start".
    /// </summary>
    public sealed record Rule(Regex Pattern, string Note, params string[] Anchors)
    {
        // Single characters apart from the words: a set of strings with a one-character value cannot use the
        // vectorized (Teddy) search and falls back to a slower one.
        private readonly SearchValues<char> _anchorCharacters = SearchValues.Create(string.Concat(Anchors.Where(a => a.Length == 1)));
        private readonly SearchValues<string>? _anchorWords = Anchors.Any(a => a.Length > 1)
            ? SearchValues.Create([.. Anchors.Where(a => a.Length > 1)], StringComparison.Ordinal)
            : null;

        // " score" also matches at the very start of the text, where no space precedes it.
        private readonly string[] _wordStarts = [.. Anchors.Where(a => a.Length > 1 && a[0] == ' ').Select(a => a[1..])];

        public bool MayMatch(string text)
        {
            if (Anchors.Length == 0 || text.AsSpan().IndexOfAny(_anchorCharacters) >= 0
                || (_anchorWords is not null && text.AsSpan().IndexOfAny(_anchorWords) >= 0)) return true;
            foreach (var start in _wordStarts)
            {
                if (text.StartsWith(start, StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }

    public static readonly Rule[] Plain =
    [
        new(IgnoreInstructions(), "Asks the reader to ignore its instructions.", "ignor", "disregard", "forget", "follow", "override", "instruction", "system prompt", "developer"),
        new(SetAsideGuidance(), "Asks the reader to set aside or replace its instructions or guidance.", "aside", "discard", "overrule", "abandon", "supersede", "replace", "bypass", "skip", "no longer appl", "void", "invalid", "obsolete", "cancel", "revoked", "overridden", "suspended", "withdrawn"),
        new(RoleAssignment(), "Assigns the reader a role.", "you are", "as a", "act as", "behave as", "respond as", "pretend as"),
        new(ScoreRequest(), "Asks for a score or a verdict.", " score", " rate", " grade", " mark", " evaluate", " assess", " judge", " give", " assign", " award", " pass", " approve", " accept", " flag", " grant", "/ 5", "/5", "out of", "deserves to", "be approved", "be accepted"),
        new(ScoreClaim(), "Tells the reader what this document's scores should be.", "merit", "deserv", "warrant", "earn", "worth", "qualifies", "should get", "should receive", "should be given", "must get", "must receive", "must be given", "dimension", "criteri", "categor", "approved", "verified", "certified", "validated", "cleared", " scored", " rated", " graded", " marked", " given"),
        new(AddressedToReviewer(), "Addresses the reviewer or model directly.", "note", "message", "instruction", "hint", "dear", "hey", "hello", "reviewer", "evaluator", "grader", "judge", "notice", "directive", "memo"),
        new(AddressedToMachine(), "Addresses an automated system or AI reading the text.", " automat", " ai", " a.i.", " llm", " machine", " language", " artificial", " intelligent", "if you are"),
        new(AuthorityMarker(), "A fake system or override marker.", "[", "{", "override", "notice", "instruction", "directive", "message", "prompt"),
        new(PolicyChange(), "Claims the grading policy has changed.", "grading", "scoring", "rating", "evaluation"),
        new(DecodeAndFollow(), "Asks the reader to decode hidden text and follow it.", "decode", "decipher", "unscramble", "reverse", "translate"),
        new(OutputControl(), "Dictates the reader's output.", " only", "do not mention", "do not flag", "do not penal"),
        new(RoleToken(), "Chat-template role marker.", "<", "[inst", "[/inst", "##"),
        new(German(), "An instruction to the reader in German.", "ignorier", "vergiss", "vergesst", "vergessen", "missacht", "uberg", "verwirf", "verwerf", "bewerte", "benote", "gib ", "gebt", "geben sie", "vergib", "vergeben", "hinweis", "nachricht", "anweisung", "notiz", "achtung", "dieses profil", "dieses dokument", "das profil", "das dokument"),
        new(French(), "An instruction to the reader in French.", "ignore", "oublie", "ne tenez", "ne tiens", "abstraction", "de cote", "ecarte", "attribue", "donne", "accorde", "mettez", " mets", " note a", " note pour", " note aux", " message a", " message pour", " message aux", "remarque", "consigne", " avis", " ce profil", " ce document"),
        new(Spanish(), "An instruction to the reader in Spanish.", "ignor", "olvid", "omit", "descart", "caso omiso", "no tenga", "por alto", "califica", "puntu", "asign", "otorg", " dale", " dele", " nota para", " nota a", " nota al", "mensaje", "aviso", "instruccion", "este perfil", "este documento"),
        new(Portuguese(), "An instruction to the reader in Portuguese.", "ignor", "esquec", "desconsider", "descart", "deixe de lado", "nao sig", "nota", "pontuacao", "avaliacao", "classificacao", "mensagem", "aviso", "instruc", "este perfil", "este documento"),
        new(Chinese(), "An instruction to the reader in Chinese."),
        new(Japanese(), "An instruction to the reader in Japanese."),
    ];

    /// <summary>Matched on letter-spaced runs with every gap removed ("ignorepreviousinstructions").</summary>
    public static readonly Rule[] Compact =
    [
        new(CompactInstruction(), "A letter-spaced instruction to the reader."),
    ];

    private const RegexOptions Opts = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|do not follow|don't follow|stop following|override)\s+(?:all\s+|any\s+)?(?:(?:the|your|my|these|those|previous|prior|above|earlier|preceding|original|initial|former|other|existing|scoring|review|reviewer's?)\s+){0,3}(?:instructions?|rubric|scoring guide|system (?:message|prompt))\b|\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original|initial|scoring|review|your)\s+(?:\w+\s+)?(?:rules|guidelines|criteria|directions|context)\b|\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:above|before|earlier|previously|prior|you were told|else)\b|\b(?:ignore|disregard|forget)\s+(?:the|all of the|all the)\s+above\b|\b(?:new|updated|real|actual|hidden|secret)\s+instructions?\s*:|\b(?:your|new|updated|real|actual|hidden|original)\s+system prompt\b|\bsystem prompt\s*:|\bdeveloper (?:message|prompt)\s*:", Opts)]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\b(?:set|put|cast|lay|leave) aside\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|these\s+|those\s+)?(?:(?:previous|prior|above|earlier|preceding|original|initial|former|existing|given|usual|standard|official|scoring|grading|review|evaluation|reviewer's?|system)\s+){0,2}(?:instructions?|guidance|guidelines?|rules?|rubric|criteria|directions?|directives?|prompts?|polic(?:y|ies))\b|\b(?:discard|overrule|abandon|supersede|replace|bypass|skip)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:(?:previous|prior|above|earlier|preceding|original|initial|scoring|grading|review|evaluation|reviewer's?|system)\s+){1,2}(?:instructions?|guidance|guidelines?|rubric|criteria|prompts?)\b|\b(?:the|these|your|all)\s+(?:previous|prior|above|earlier|original|old)\s+(?:instructions?|guidance|guidelines?|rules?|rubric)\s+(?:are|is|have been|has been)\s+(?:now\s+)?(?:void|invalid|obsolete|cancel+ed|revoked|replaced|superseded|overridden|suspended|withdrawn)\b|\b(?:previous|prior|earlier)\s+(?:instructions?|guidance|rules)\s+no longer appl(?:y|ies)\b", Opts)]
    private static partial Regex SetAsideGuidance();

    [GeneratedRegex(@"\byou are (?:now |an? |the |acting as )*(?:ai|a\.i\.|assistant|chatbot|language model|llm|gpt|chatgpt|claude|reviewer|evaluator|grader|judge|rater|examiner)s?\b|\bas an? (?:ai|a\.i\.)(?:\s+(?:language model|model|assistant|system)\b|\s*[,.:;!]|$)|\bas an? (?:large )?language model\b|\b(?:act|behave|respond|pretend) as (?:an? |the )?(?:ai|assistant|reviewer|evaluator|grader|judge)\b", Opts)]
    private static partial Regex RoleAssignment();

    [GeneratedRegex(@"\b(?:score|rate|grade|mark|evaluate|assess|judge)\s+(?:this|the)\s+(?:role\s+)?(?:profile|page|document|submission|draft)\b|\b(?:score|rate|grade|give|assign|award|mark)\s+(?:this|it|the profile|this profile|the role|me)\s+(?:(?:a|an|as|at|with)\s+)?(?:[1-5](?:\s*/\s*5|\s*out of\s*(?:5|five))?|five|full marks|top marks|(?:the\s+)?(?:highest|maximum|top|perfect) (?:score|rating|marks?)|perfect|excellent)(?!\w)|\b(?:pass|approve|accept)\s+(?:this|the)\s+(?:role\s+)?(?:profile|page|document|submission)\b|\b(?:this|the)\s+(?:role\s+)?(?:profile|page|document)\s+(?:must|should|will|deserves to)\s+(?:pass|be approved|be accepted|score)\b|\b(?:mark|flag)\s+(?:this|it)\s+as\s+(?:pass(?:ed|ing)?|approved|accepted)\b|\b(?:5|five)\s*(?:/\s*5|out of\s*(?:5|five))\s+(?:on|for|in)\s+(?:all|every|each)\b|\b(?:award|give|assign|grant)\s+(?:it\s+|this\s+(?:\w+\s+)?|the (?:profile|document|page)\s+|me\s+)?(?:the\s+)?(?:top|full|maximum|max|highest|perfect)\s+(?:marks?|scores?|ratings?|grades?|points)\b", Opts)]
    private static partial Regex ScoreRequest();

    [GeneratedRegex(@"\b(?:merits?|deserves?|warrants?|earns?|is worth|qualifies for|should (?:get|receive|be given)|must (?:get|receive|be given))\s+(?:a\s+|an\s+|the\s+)?(?:maximum|max|highest|top|full|perfect)(?:\s+(?:possible\s+)?(?:scores?|ratings?|marks?|grades?|points?|evaluation))?(?=\s*(?:$|[.;,!:)]|on\b|in\b|for\b|across\b))|\b(?:every|each|all)\s+(?:(?:rubric|review|scoring|quality)\s+)?(?:dimensions?|criteria|criterion|categor(?:y|ies))\s+(?:merits?|deserves?|warrants?|should (?:be|get|receive)|must (?:be|get|receive)|(?:is|are) (?:rated|scored|graded)|scores?|rated|scored)\s+(?:a\s+|an\s+|the\s+)?(?:5|five|maximum|max|highest|top|full marks|perfect)\b|\b(?:this|the)\s+(?:role\s+)?(?:profile|document|page|submission|draft)\s+(?:(?:is|has been|was)\s+)?(?:pre-?)?(?:approved|verified|certified|validated|cleared)\s+(?:by|for)\s+(?:the\s+)?(?:review|reviewers?|graders?|panel|admins?|administrators?)\b|\b(?:this|the)\s+(?:role\s+)?(?:profile|document|page|submission)\s+(?:should|must|is to|needs to)\s+(?:be\s+)?(?:scored|rated|graded|marked|given)\b", Opts)]
    private static partial Regex ScoreClaim();

    [GeneratedRegex(@"\b(?:note|message|instructions?|hint)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|a\.i\.|llm|language model|ai model|reviewer|evaluator|grader|judge|rater|scorer)s?\b|\b(?:dear|hey|hello)\s+(?:ai|llm|model|reviewer|evaluator|grader|assistant|chatgpt|gpt|claude)\b|\b(?:ai|llm|model|automated)\s+(?:reviewers?|evaluators?|graders?|judges?)\s*(?:should|must|:)|^(?:reviewers?|evaluators?|graders?)\s*:|\b(?:to|for) (?:the )?(?:reviewers?|evaluators?|graders?)\s*:|\b(?:ai|llm|model|bot|gpt|chatbot|assistant|grader|reviewer|evaluator|scorer|judge|rater)s?(?:'s)?\s+(?:note|notice|instructions?|directive|memo|message)\s*:", Opts)]
    private static partial Regex AddressedToReviewer();

    [GeneratedRegex(@"\b(?:any|every|all|the|an?|you)\s+(?:(?:automated|automatic|ai|a\.i\.|llm|machine|language|artificial|intelligent)\s+)+(?:\w+\s+)?(?:systems?|reviewers?|graders?|evaluators?|models?|agents?|assistants?|readers?|tools?|scorers?|judges?|processors?|intelligence)\s+(?:that is\s+|which is\s+|who is\s+|now\s+|currently\s+)?(?:reading|processing|parsing|reviewing|evaluating|grading|scoring|assessing|analy[sz]ing|scanning|seeing|receiving)\s+(?:this(?:\s+(?:text|document|profile|page|note|message|content|section|file))?(?=\s*(?:[,.:;!—–-]|$))|the following\b)|\bif you are (?:an?\s+)?(?:ai|a\.i\.|llm|(?:large )?language model|model|automated|bot|machine|grader|reviewer|evaluator|assistant)\b|\b(?:to|attention|attn)\s*:?\s+(?:any|all|every)\s+(?:automated|ai|llm|machine)\s+(?:systems?|readers?|reviewers?|graders?|models?|agents?)\b", Opts)]
    private static partial Regex AddressedToMachine();

    [GeneratedRegex(@"\[\s*(?:system|sys|admin|administrator|developer|dev|root|operator|instructions?|override|assistant|important instructions?|system override|system message)\s*\]|\{\s*(?:system|admin|override)\s*\}|\b(?:system|admin|developer|operator|root)\s+(?:override|notice|instructions?|directive|message)\s*:|\boverride\s*:|\b(?:begin|start|end)\s+(?:system|admin|developer|hidden)\s+(?:prompt|message|instructions?)\b", Opts)]
    private static partial Regex AuthorityMarker();

    [GeneratedRegex(@"\b(?:the|your|this)\s+(?:grading|scoring|rating|evaluation)\s+(?:policy|rubric|criteria|instructions|rules|guidelines)\s+(?:is|are|has|have|was|were)\s+(?:been\s+)?(?:now\s+)?(?:updated|changed|replaced|revised|suspended|overridden|waived|lifted|relaxed)\b", Opts)]
    private static partial Regex PolicyChange();

    [GeneratedRegex(@"\b(?:decode|base64[- ]?decode|decipher|unscramble|reverse|translate)\s+(?:this|it|the following|the text below|the string|below)?\s*(?:and|then|,)\s+(?:follow|obey|execute|run|apply|do)\b", Opts)]
    private static partial Regex DecodeAndFollow();

    [GeneratedRegex(@"\b(?:output|respond|reply|answer|return|print|say|write)\s+(?:with\s+)?only\b(?=[^.]{0,30}\b(?:json|score|scores|pass|yes|approved|number|word|verdict|\d)\b|\s*[""':])|\bdo not (?:mention|flag|penalize|penalise)\s+(?:any\s+)?(?:issues|problems|defects|weaknesses|findings|this)\b", Opts)]
    private static partial Regex OutputControl();

    [GeneratedRegex(@"<\|[a-z_ ]+\|>|\[/?inst\]|<</?sys>>|<\s*/?\s*(?:system|assistant|user)\s*>|#{2,}\s*(?:system|instructions?|assistant|user|response)\s*(?::|\]|$)", Opts)]
    private static partial Regex RoleToken();

    // German (umlauts folded: hochstnote, prufer, funf).
    [GeneratedRegex(@"\b(?:ignorier(?:e|en sie|t euch)|vergiss|vergesst|vergessen sie|missachte|missachten sie|uberg(?:eh|ehen sie)|verwirf|verwerfen sie)\b[^.;!?]{0,40}?\b(?:anweisungen|anweisung|instruktionen|vorgaben|richtlinien|regeln|bewertungskriterien|kriterien|befehle|hinweise)\b|\b(?:bewerte|bewertet|bewerten sie|benote|benoten sie|gib|gebt|geben sie|vergib|vergeben sie)\b[^.;!?]{0,60}?(?:\b(?:mit )?(?:5|funf)(?: punkten| sternen|/5)?\b|hochstnote|bestnote|hochste\w* (?:bewertung|punktzahl|note)|volle\w* punktzahl|maximal\w* (?:punktzahl|bewertung|note|punkte))|\b(?:hinweis|nachricht|anweisung|notiz|achtung)\s+(?:an|fur)\s+(?:den |die |das |alle |jede[ns]? )?(?:ki|prufer\w*|bewerter\w*|gutachter\w*|modell|sprachmodell|automatisierte\w*)|\b(?:dieses|das)\s+(?:profil|dokument)\s+(?:muss|soll|verdient)\s+(?:\w+\s+){0,3}?(?:bestehen|bestnote|hochstnote|5|funf)\b", Opts)]
    private static partial Regex German();

    // French (accents folded: precedentes, bareme).
    [GeneratedRegex(@"\b(?:ignore[rz]?|oublie[rz]?|ne tenez pas compte des?|ne tiens pas compte des?|faites abstraction des?|fais abstraction des?|mets de cote|mettez de cote|ecarte[rz]?)\s+(?:toutes\s+|tous\s+)?(?:les|tes|vos|ces|l')\s*(?:\w+\s+)?(?:instructions|consignes|regles|directives|criteres|bareme)\b|\b(?:attribue[rz]?|donne[rz]?|accorde[rz]?|mettez|mets)\b[^.;!?]{0,50}?(?:\b(?:la note de |une note de |un )?(?:5|cinq)(?:/5| sur 5| etoiles)?\b|note maximale|note maximum|meilleure note|note la plus haute|score maximal|score maximum|notes maximales)|\b(?:note|message|remarque|consigne|avis)\s+(?:a|pour|aux?)\s+(?:l'|le |la |les |tout |toute |tous )?\s*(?:ia\b|evaluateur\w*|correcteur\w*|examinateur\w*|relecteur\w*|modele|systeme automatise|intelligence artificielle)|\bce (?:profil|document) (?:doit|merite)\s+(?:\w+\s+){0,3}?(?:la note maximale|5|cinq|reussir|etre approuve)\b", Opts)]
    private static partial Regex French();

    // Spanish (accents folded: puntuacion maxima).
    [GeneratedRegex(@"\b(?:ignora|ignore|ignorad|olvida|olvide|olvidad|omite|omita|descarta|descarte|haz caso omiso de|no tengas en cuenta|no tenga en cuenta|pasa por alto)\s+(?:todas\s+|todos\s+)?(?:las|los|tus|sus|estas|esas)\s+(?:\w+\s+)?(?:instrucciones|indicaciones|reglas|directrices|normas|pautas|criterios|ordenes)\b|\b(?:califica|calificad|califique|puntua|puntue|asigna|asigne|otorga|otorgue|dale|dele)\b[^.;!?]{0,50}?(?:\bcon\s+(?:un\s+)?(?:5|cinco)\b|\bun (?:5|cinco)\b|\b5\s*/\s*5\b|\b5 de 5\b|puntuacion maxima|nota maxima|calificacion maxima|maxima (?:puntuacion|nota|calificacion)|la mejor (?:nota|calificacion|puntuacion))|\b(?:nota|mensaje|aviso|instrucciones?)\s+(?:para|a|al)\s+(?:la |el |los |las |cualquier )?(?:ia\b|evaluador\w*|revisor\w*|calificador\w*|modelo|sistema automatizado|inteligencia artificial)|\beste (?:perfil|documento) (?:debe|merece)\s+(?:\w+\s+){0,3}?(?:la (?:nota|puntuacion) maxima|un 5|aprobar|ser aprobado)\b", Opts)]
    private static partial Regex Spanish();

    // Portuguese (accents folded: instrucoes, pontuacao maxima).
    [GeneratedRegex(@"\b(?:ignore|ignora|ignorem|esqueca|esquecam|desconsidere|desconsiderem|descarte|deixe de lado|nao siga|nao sigam)\s+(?:todas\s+|todos\s+)?(?:as|os|suas|seus|tuas|teus|estas|essas)\s+(?:\w+\s+)?(?:instrucoes|orientacoes|regras|diretrizes|normas|criterios|ordens)\b|\b(?:de|atribua|conceda|avalie|classifique|pontue)\b[^.;!?]{0,40}?\b(?:nota|pontuacao|avaliacao|classificacao)\s+(?:maxima|5|cinco)\b|\b(?:nota|mensagem|aviso|instrucoes?)\s+(?:para|a|ao|aos)\s+(?:a |o |os |as |qualquer )?(?:ia\b|avaliador\w*|revisor\w*|corretor\w*|modelo|sistema automatizado|inteligencia artificial)|\beste (?:perfil|documento) (?:deve|merece)\s+(?:\w+\s+){0,3}?(?:a nota maxima|nota 5|ser aprovado)\b", Opts)]
    private static partial Regex Portuguese();

    // Chinese (simplified and traditional).
    [GeneratedRegex(@"(?:忽略|无视|無視|忽视|忽視|不要理会|不要理會|不理会|不理會|抛开|拋開|放弃|放棄|跳过|跳過|别管|別管|撇开|撇開)[^。！？\n]{0,12}?(?:指令|指示|说明|說明|规则|規則|提示词|提示詞|要求|评分标准|評分標準|准则|準則|规定|規定)|(?:打|给|給|给予|給予|评为|評為|评|評)[^。！？\n]{0,10}?(?:满分|滿分|5分|五分|最高分|最高评分|最高評分|最高等级|最高等級)|(?:评分|評分|打分|评级|評級|评审|評審)[^。！？\n]{0,10}?(?:必须|必須|应该|應該|应|應|请|請)[^。！？\n]{0,8}?(?:满分|滿分|5分|五分|最高)|(?:致|给|給|对|對|提醒)(?:所有|任何|正在阅读|正在閱讀|正在阅读本文的|正在閱讀本文的)?[^。！？\n]{0,8}?(?:人工智能|ai|大模型|语言模型|語言模型|评审员|評審員|审阅者|審閱者|评分员|評分員|自动化系统|自動化系統)", Opts)]
    private static partial Regex Chinese();

    // Japanese.
    [GeneratedRegex(@"(?:指示|命令|ルール|指針|ガイドライン|採点基準|評価基準|プロンプト|規則)(?:を|は)?(?:すべて|全て)?(?:無視|忘れ|破棄|無効)|(?:無視|忘れ)[^。！？\n]{0,6}?(?:指示|命令|ルール)|(?:満点|最高点|最高評価|5点|五点)(?:を|に|で|と)?(?:つけ|付け|与え|あたえ|して|にし|とし|評価)|(?:評価|採点|スコア)(?:を|は)?[^。！？\n]{0,10}?(?:満点|最高点|最高評価|5点)(?:に|を|と)|(?:ai|人工知能|モデル|審査員|採点者|評価者|レビュアー|自動化システム|自動システム)(?:の(?:皆様|皆さん|方))?(?:へ|に)(?:の)?(?:注意|メモ|指示|お願い|告ぐ|伝言)", Opts)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"(?:ignore|disregard|forget|override|setaside|putaside)(?:all|any)?(?:the|your|my)?(?:previous|prior|above|earlier|preceding|original)?(?:instructions?|rules|guidance|guidelines|rubric|prompts?)|(?:score|rate|grade|give|award|mark)(?:this|it|the)(?:profile|document|page)?(?:a|as|with)?(?:5|five|fullmarks|topmarks|perfect|maximum|highest)|(?:award|give)(?:it|this)?(?:top|full|maximum)(?:marks|score)|systemoverride|(?:new|updated)instructions|youarenow|(?:passthis|approvethis)(?:profile|document)|noteto(?:the|any)?(?:ai|reviewer|grader|model|llm)|ignoriere\w*anweisungen|ignore\w*(?:lesinstructions|lesconsignes)|ignora\w*lasinstrucciones|ignore\w*asinstrucoes", Opts)]
    private static partial Regex CompactInstruction();
}
