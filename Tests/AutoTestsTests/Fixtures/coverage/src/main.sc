# A small bot whose XML tests exercise a known set of states and triggers (coverage tests).
theme: /

    state: Start
        q!: $regex</start>
        a: Hi!
        go!: /Menu

    state: Menu
        a: Choose one.
        buttons:
            "Prices" -> /Prices
            "Help" -> /Help

    state: Prices
        a: Tea costs 3.

        state: Cheaper
            q: * cheaper *
            a: No discounts.

    state: Help || noContext = true
        q!: * help *
        a: Ask me about prices.

    state: Thanks
        q!: * thanks *
        a: You are welcome.

    state: Never
        q!: * unicorn *
        a: No test comes here.

    state: NoMatch
        event!: noMatch
        a: Sorry?
