namespace TM.Server.Interchange;

/// <summary>
/// A stored segment cannot be written as TMX (it holds something XML cannot carry). The export stops there, before
/// the file's end, so the chunks sent so far can never pass for a complete file.
/// </summary>
public sealed class SegmentExportException(string message, Exception innerException) : Exception(message, innerException);
