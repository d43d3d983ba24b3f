theme: /Orders

    state: AskNumber
        q!: * (track|where is) * [my] order *
        a: Please tell me your order number.

        state: Number
            q: * $OrderNumber *
            script:
                $session.orderNumber = $parseTree._OrderNumber;
                $session.orderStatus = orderStatus($session.orderNumber);
            if: $session.orderStatus === "shipped"
                a: Order {{ $session.orderNumber }} has been shipped.
            elseif: $session.orderStatus === "delivered"
                a: Order {{ $session.orderNumber }} has been delivered.
            else:
                a: Order {{ $session.orderNumber }} is being prepared.
            go: /Menu

        state: NotANumber
            q: *
            a: That does not look like an order number. It has 4 to 10 digits.
            go: ..
