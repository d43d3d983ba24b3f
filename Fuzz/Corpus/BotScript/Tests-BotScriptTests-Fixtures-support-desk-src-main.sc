require: /flows/tickets.sc
require: flows/smalltalk.sc
require: js/util.js
require: data/faq.yaml
    var = Faq
require: data/products.csv
    name = Products
    var = $Products

patterns:
    $yes = (да|ага|конечно|yes)
    $no = (нет|неа|no)
    $ticketId = $regexp<[A-Z]{2}-\d+> || converter = ticketConverter

init:
    bind("postProcess", function($context) {
        $context.session.lastState = $context.currentState;
    });

theme: /

    state: Start
        q!: $regex</start>
        a: Здравствуйте! Я помогу с заявкой.
        inlineButtons:
            {text: "Открыть заявку", transition: "/Tickets/New"}
            {text: "Сайт", url: "https://example.com"}

    state: Operator || modal = true
        q!: * (оператор*|человек*) *
        a: Перевести на оператора?
        timeout: /Operator/NoAnswer || interval = 30

        state: Agree
            q: $yes
            TransferToOperator:
                department = "second-line"
                firstMessage = "Клиент просит оператора"
            a: Перевожу.

        state: Disagree
            q: $no : refused || toState = "/Start"

        state: NoAnswer
            a: Вы здесь?
            go: ..

    state: NoMatch
        event!: noMatch
        random:
            a: Не понял вас.
            a: Переформулируйте, пожалуйста.
