import FuzzTargets

// libFuzzer calls this for every input; see FuzzEntryPoint.jaicpXMLTest.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = FuzzEntryPoint.jaicpXMLTest.run(bytes)
    return 0
}

FuzzDriver.main(testOneInput)
