patterns:
    $hello = (hello|hi|hey|good (morning|afternoon|evening))
    $bye = (bye|goodbye|see you [later])
    $operator = (operator|agent|support)
    $OrderNumber = $regexp<\d{4,10}> || converter = orderNumberConverter
