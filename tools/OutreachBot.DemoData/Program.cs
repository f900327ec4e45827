Console.WriteLine("Demo company generator: not written yet.");
