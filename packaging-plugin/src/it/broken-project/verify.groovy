def log = new File(basedir, 'build.log').text
assert log.contains('com.example.broken.HalfDoneConnector') : 'the build log names the class'
assert log.contains('is abstract; list only concrete classes') : 'the build log says what is wrong'
return true
