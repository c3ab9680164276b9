from pactwatch.cli import main

main()
