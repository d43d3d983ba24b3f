require: lib/prices.js
    type = scriptEs6
    name = prices

patterns:
    $yes = (да|ага|подтверждаю)

theme: /

    state: Hello
        q!: * (привет|здравствуй*) *
        event!: newChatStarted
        a: Привет! Хотите пиццу?
        go: /Order

    state: Order
        state: Size
            q: * (маленьк*:small|средн*:medium|больш*:large) *
            scriptEs6:
                $session.size = $parseTree._Root || $parseTree.value;
                $session.price = prices.of($session.size);
            if: $session.price > 700
                a: Большая пицца — {{ $session.price }} ₽.
            elseif: $session.price > 500
                a: Средняя пицца — {{ $session.price }} ₽.
            else:
                a: Маленькая пицца — {{ $session.price }} ₽.
            go!: {{ $session.price ? "/Order/Confirm" : "/Order" }}

        state: Confirm
            a: Подтверждаете заказ?
            q: $yes || toState = "./Done"

            state: Done
                a: Заказ принят!
                EndSession:
